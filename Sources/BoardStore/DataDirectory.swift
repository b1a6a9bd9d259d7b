import Foundation

/// The files of one shared data directory.
public struct DataDirectory: Sendable, Equatable {
    public static let conventionalName = ".mlboard"

    public let url: URL
    public let path: String
    public let configURL: URL
    public let journalURL: URL
    public let lockURL: URL
    /// Where a writer copies a torn tail before cutting it off.
    public let tornTailsURL: URL

    static let configName = "workspace.yml"
    static let journalName = "journal.jsonl"
    static let presenceName = "presence"
    static let tornTailsName = "torn-tails"
    /// Where builds before 0.4 kept the snapshot; snapshots are a per-user cache now.
    static let legacySnapshotNames = ["snapshot.bin", "snapshot.json"]

    /// The file URLs are made once here: `appendingPathComponent` asks the file system whether
    /// the name is a folder, and a commit used to pay that several times.
    public init(_ url: URL) {
        self.url = url.standardizedFileURL
        path = self.url.path
        configURL = self.url.appending(path: Self.configName, directoryHint: .notDirectory)
        journalURL = self.url.appending(path: Self.journalName, directoryHint: .notDirectory)
        lockURL = self.url.appending(path: LockHolderFile.name, directoryHint: .notDirectory)
        tornTailsURL = self.url.appending(path: Self.tornTailsName, directoryHint: .isDirectory)
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

    /// Whether a workspace configuration is there (a link or special file counts: opening it
    /// will say what is wrong with it).
    public var exists: Bool { FileFacts.of(configURL.path, in: AT_FDCWD) != nil }
}
