import Foundation

/// The files of one shared data directory.
public struct DataDirectory: Sendable, Equatable {
    public static let conventionalName = ".mlboard"

    public let url: URL
    public let path: String
    public let configURL: URL
    public let journalURL: URL
    public let snapshotURL: URL
    public let lockURL: URL
    /// Where a writer copies a torn tail before cutting it off.
    public let tornTailsURL: URL

    /// The file URLs are made once here: `appendingPathComponent` asks the file system whether
    /// the name is a folder, and a commit used to pay that several times.
    public init(_ url: URL) {
        self.url = url.standardizedFileURL
        path = self.url.path
        configURL = self.url.appending(path: "workspace.yml", directoryHint: .notDirectory)
        journalURL = self.url.appending(path: "journal.jsonl", directoryHint: .notDirectory)
        snapshotURL = self.url.appending(path: "snapshot.bin", directoryHint: .notDirectory)
        lockURL = self.url.appending(path: "lock", directoryHint: .notDirectory)
        tornTailsURL = self.url.appending(path: "torn-tails", directoryHint: .isDirectory)
    }

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
