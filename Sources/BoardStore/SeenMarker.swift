import Foundation
import Glibc

/// What this machine last saw of a workspace, kept outside the shared directory, so a
/// journal that was rolled back or replaced by another history is noticed.
struct SeenMarker: Codable, Equatable {
    var directory: String
    var sequence: Int64
    var hash: String

    /// The marker, its alarm and its acceptance log for one data directory.
    struct Files {
        let marker: URL
        let alarm: URL
        let acceptances: URL
        /// The fingerprint of the workspace's root key, pinned at first sight (see RootPin).
        let root: URL
        /// The alarm's path, made once: every commit looks for it.
        let alarmPath: String
    }

    static func folder(environment: [String: String]) -> URL {
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            return URL(fileURLWithPath: state, isDirectory: true).appending(path: "mlboard/seen", directoryHint: .isDirectory)
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true).appending(path: ".local/state/mlboard/seen", directoryHint: .isDirectory)
    }

    static func files(for directory: DataDirectory, environment: [String: String]) -> Files {
        files(forPlace: directory.path, environment: environment)
    }

    /// The files for a workspace at `place`: a folder's path, or a server's URL.
    static func files(forPlace place: String, environment: [String: String]) -> Files {
        let key = JournalLine.hexDigest(Array(place.utf8)).prefix(24)
        let folder = folder(environment: environment)
        let alarm = folder.appending(path: "\(key).alarm", directoryHint: .notDirectory)
        return Files(
            marker: folder.appending(path: "\(key).json", directoryHint: .notDirectory),
            alarm: alarm,
            acceptances: folder.appending(path: "\(key).accepted", directoryHint: .notDirectory),
            root: folder.appending(path: "\(key).root", directoryHint: .notDirectory),
            alarmPath: alarm.path)
    }

    /// Drops the marker and any alarm, for a workspace made anew at the same path.
    static func forget(_ files: Files) {
        unlink(files.marker.path)
        unlink(files.alarm.path)
        unlink(files.root.path)
    }

    static func load(from url: URL) -> SeenMarker? {
        guard let bytes = try? WholeFile.read(url) else { return nil }
        return try? CanonicalJSON.decode(SeenMarker.self, from: bytes)
    }

    /// The marker as `CanonicalJSON` writes it (a test compares them), written by hand: through
    /// Codable it cost more than the commit's own journal line, and every commit saves one.
    var canonicalJSON: [UInt8] {
        var bytes = Array(#"{"directory":"#.utf8)
        bytes.reserveCapacity(directory.utf8.count + 128)
        CanonicalJSON.appendString(directory, to: &bytes)
        bytes += #","hash":"#.utf8
        CanonicalJSON.appendString(hash, to: &bytes)
        bytes += #","sequence":"#.utf8
        bytes += sequence.description.utf8
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    /// A loud warning when the journal no longer holds what this machine saw, else nil.
    /// `hashAtSeen` is the journal's hash at `sequence` where the reader passed it.
    func warning(journalEnd: Int64, hashAtSeen: String?) -> String? {
        if journalEnd < sequence {
            return "the journal was ROLLED BACK: this machine saw it up to sequence \(sequence), "
                + "it now ends at \(journalEnd). Events may have been lost; check backups"
        }
        if let hashAtSeen, hashAtSeen != hash {
            return "the journal has FORKED: sequence \(sequence) is not the event this machine saw there. "
                + "Someone replaced the history; check backups"
        }
        return nil
    }
}

/// Keeps this machine's seen marker up to date after every commit. Best effort: a machine that
/// cannot keep its marker still works, it only loses the check. Written in place through a
/// descriptor kept open, without fsync or rename: Foundation's atomic write (fsync plus rename)
/// cost about 1.3 ms per commit, six times the journal's own flush. Every record has the same
/// length, so the writes of two processes never leave a mixture of both behind.
final class SeenMarkerWriter {
    static let recordLength = 1_024
    let url: URL
    private var fd: Int32 = -1

    init(url: URL) { self.url = url }

    deinit { if fd >= 0 { close(fd) } }

    func save(_ marker: SeenMarker) {
        var bytes = marker.canonicalJSON
        guard bytes.count < Self.recordLength, openFile() else { return }
        bytes += repeatElement(UInt8(ascii: " "), count: Self.recordLength - 1 - bytes.count)
        bytes.append(UInt8(ascii: "\n"))
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    private func openFile() -> Bool {
        if fd >= 0 { return true }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        fd = open(url.path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o600)
        return fd >= 0
    }
}

/// A rollback or fork, once seen, stays: writes are refused until someone who has checked
/// accepts the journal's new head (`mlboard verify --accept-head`). The alarm is a file of
/// its own, so the seen marker that every commit rewrites can never wipe it.
enum HeadAlarm {
    static func raise(_ message: String, in files: SeenMarker.Files) {
        try? FileManager.default.createDirectory(at: files.alarm.deletingLastPathComponent(), withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: files.alarm.path) { return }  // keep the first one
        try? Data((message + "\n").utf8).write(to: files.alarm, options: .atomic)
    }

    static func current(in files: SeenMarker.Files) -> String? {
        guard let bytes = try? WholeFile.read(files.alarm) else { return nil }
        return String(decoding: bytes, as: UTF8.self).trimmedOfWhitespace
    }

    static func isRaised(in files: SeenMarker.Files) -> Bool { access(files.alarmPath, F_OK) == 0 }

    /// Clears the alarm and notes who accepted which head, when, and what the alarm said.
    static func accept(head: JournalPosition, by user: String, at now: Date, in files: SeenMarker.Files) throws {
        let previous = current(in: files) ?? "no alarm"
        let note = "\(ISO8601DateFormatter().string(from: now)) \(user) accepted the head at sequence \(head.sequence) "
            + "(hash \(head.hash)); the alarm was: \(previous)\n"
        let log = open(files.acceptances.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard log >= 0 else { throw StoreError.lastIO("record the acceptance in", files.acceptances.path) }
        defer { close(log) }
        _ = Array(note.utf8).withUnsafeBytes { FileDescriptor.writeAll(log, $0) }
        if unlink(files.alarm.path) != 0 && errno != ENOENT { throw StoreError.lastIO("remove", files.alarm.path) }
    }

    static func refusal(_ alarm: String) -> String {
        "\(alarm). Writes are refused until someone who has checked runs 'mlboard verify --accept-head'"
    }
}
