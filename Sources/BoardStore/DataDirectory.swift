import Foundation

/// The files of one shared data directory.
public struct DataDirectory: Sendable, Equatable {
    public static let conventionalName = ".mlboard"

    public let url: URL

    public init(_ url: URL) { self.url = url.standardizedFileURL }

    public var path: String { url.path }
    public var configURL: URL { url.appendingPathComponent("workspace.yml") }
    public var journalURL: URL { url.appendingPathComponent("journal.jsonl") }
    public var snapshotURL: URL { url.appendingPathComponent("snapshot.json") }
    public var lockURL: URL { url.appendingPathComponent("lock") }
    /// Where a writer copies a torn tail before cutting it off.
    public var tornTailsURL: URL { url.appendingPathComponent("torn-tails") }

    /// `--dir`, else MLBOARD_DIR, else the nearest `.mlboard` folder walking up from `start`.
    public static func locate(explicit: String?, environment: [String: String], start: URL) -> DataDirectory? {
        if let explicit, !explicit.isEmpty { return DataDirectory(URL(fileURLWithPath: explicit, relativeTo: start)) }
        if let fromEnvironment = environment["MLBOARD_DIR"], !fromEnvironment.isEmpty {
            return DataDirectory(URL(fileURLWithPath: fromEnvironment, relativeTo: start))
        }
        var folder = start.standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent(conventionalName)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return DataDirectory(candidate)
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    public var exists: Bool { FileManager.default.fileExists(atPath: configURL.path) }
}
