import Foundation

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
    func save(to url: URL) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if let data = try? JSONEncoder().encode(self) { try? data.write(to: url, options: .atomic) }
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
