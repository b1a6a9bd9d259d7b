import Foundation
import Glibc

/// What this machine last saw of a workspace, kept outside the shared directory, so a
/// journal that was rolled back or replaced by another history is noticed.
struct SeenMarker: Codable, Equatable {
    var directory: String
    var sequence: Int64
    var hash: String

    static func folder(environment: [String: String]) -> URL {
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            return URL(fileURLWithPath: state).appendingPathComponent("mlboard/seen")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/mlboard/seen")
    }

    static func url(for directory: DataDirectory, environment: [String: String]) -> URL {
        let key = JournalLine.hexDigest(Array(directory.path.utf8)).prefix(24)
        return folder(environment: environment).appendingPathComponent("\(key).json")
    }

    static func load(from url: URL) -> SeenMarker? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? JSONDecoder().decode(SeenMarker.self, from: data)
    }

    /// A loud warning when the journal no longer holds what this machine saw, else nil.
    /// `hashAtSeen` is the journal's hash at `sequence` where the reader passed it.
    func warning(journalEnd: Int64, hashAtSeen: String?) -> String? {
        if journalEnd < sequence {
            return "WARNING: the journal was ROLLED BACK: this machine saw it up to sequence \(sequence), "
                + "it now ends at \(journalEnd). Events may have been lost; check backups before writing."
        }
        if let hashAtSeen, hashAtSeen != hash {
            return "WARNING: the journal has FORKED: sequence \(sequence) is not the event this machine saw there. "
                + "Someone replaced the history; check backups before writing."
        }
        return nil
    }
}

/// Keeps this machine's seen marker up to date after every commit. Best effort: a machine that
/// cannot keep its marker still works, it only loses the check. Written in place through a
/// descriptor kept open, without fsync or rename: Foundation's atomic write (fsync plus rename)
/// cost about 1.3 ms per commit, six times the journal's own flush. A marker torn by a crash
/// fails to decode and only skips the check once.
final class SeenMarkerWriter {
    let url: URL
    private var fd: Int32 = -1
    private var length = 0

    init(url: URL) { self.url = url }

    deinit { if fd >= 0 { close(fd) } }

    func save(_ marker: SeenMarker) {
        guard let bytes = try? CanonicalJSON.encode(marker), openFile() else { return }
        let wrote = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        if wrote == bytes.count && bytes.count < length { _ = ftruncate(fd, off_t(bytes.count)) }
        length = wrote == bytes.count ? bytes.count : Int.max
    }

    private func openFile() -> Bool {
        if fd >= 0 { return true }
        fd = open(url.path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            fd = open(url.path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        }
        length = Int.max  // unknown until the first write; truncate after it
        return fd >= 0
    }
}
