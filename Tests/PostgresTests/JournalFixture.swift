import BoardCore
import BoardPostgres
import BoardStore
import Foundation
import TestSupport

/// Real journal lines, as the folder store writes them, for the PostgreSQL tests.
enum JournalFixture {
    static let project = "churn"

    /// The line a writer appends as line `sequence`, after the line whose hash is `previousHash`:
    /// a comment saying which writer wrote it and its own count.
    static func comment(_ sequence: Int64, after previousHash: String, writer: String, count: Int) throws -> (line: [UInt8], hash: String) {
        let at = Instant(millis: 1_000_000 + sequence)
        let record = EventRecord(
            sequence: sequence, at: at, actor: Actor(handle: writer, osUser: "tester"),
            event: .commented(Comment(id: "\(writer)-\(count)", target: .project(project), author: writer, at: at, body: "\(writer) \(count)")))
        return try PortableJournalLine.encode(record, after: previousHash)
    }

    /// `count` chained comment lines after `head`.
    static func comments(_ count: Int, after head: ChainHead, writer: String = "w") throws -> [[UInt8]] {
        var hash = head.hash
        return try (1...count).map { index in
            let encoded = try comment(head.sequence + Int64(index), after: hash, writer: writer, count: index)
            hash = encoded.hash
            return encoded.line
        }
    }

    /// An empty folder workspace (configured as `config`) in a fresh temporary folder, and its environment.
    static func emptyFolder(config: WorkspaceConfig = .defaults(name: "Copy")) throws -> (WorkspaceStore, [String: String], URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-pg-folder-\(UUID().uuidString.prefix(8))")
        var environment = HermeticEnvironment.current(keepingStateAndCacheIn: root)
        environment.removeValue(forKey: "MLBOARD_DIR")
        let store = try WorkspaceStore.create(at: DataDirectory(root.appendingPathComponent("data")), config: config, environment: environment)
        return (store, environment, root)
    }
}
