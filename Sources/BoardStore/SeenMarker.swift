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

    /// Best effort: a machine that cannot keep its marker still works, it only loses this check.
    /// Written in place without fsync or rename: it runs after every commit, and Foundation's
    /// atomic write (fsync plus rename) cost about 1.3 ms there, six times the journal's own
    /// flush. A marker torn by a crash fails to decode and only skips the check once.
    func save(to url: URL) {
        guard let data = try? CanonicalJSON.encode(self) else { return }
        var fd = open(url.path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            fd = open(url.path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { return }
        defer { close(fd) }
        let wrote = data.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        if wrote == data.count { _ = ftruncate(fd, off_t(data.count)) }
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
