import BoardCore
import BoardStore
import Foundation

/// A fresh workspace in a temporary folder (its data directory optionally under `dataParent`),
/// with a lead and one project, and a private XDG_STATE_HOME so seen-markers of tests never mix.
public struct TestWorkspace: Sendable {
    public let root: URL
    public let directory: DataDirectory
    public let environment: [String: String]
    public static let lead = Actor(handle: "lea", osUser: "tester")
    public static let project = "churn"

    public init(name: String = #function, dataParent: URL? = nil) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("mlboard-test-\(name.filter(\.isLetter))-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        directory = DataDirectory((dataParent ?? root).appendingPathComponent("data"))
        var environment = HermeticEnvironment.current(keepingStateAndCacheIn: root)
        environment["MLBOARD_DIR"] = directory.path
        environment["MLBOARD_USER"] = TestWorkspace.lead.handle
        environment.removeValue(forKey: "MLBOARD_FAILPOINT")
        self.environment = environment
        let store = try WorkspaceStore.create(at: directory, config: .defaults(name: "Test"), environment: environment)
        try store.execute([
            .addStakeholder(Stakeholder(handle: "lea", name: "Lea Lead", role: "data-science lead", approvalStages: ["staging", "production"])),
            .createProject(NewProject(slug: TestWorkspace.project, name: "Churn", goal: "customer experience")),
        ], as: TestWorkspace.lead, now: Instant(millis: 1_000))
    }

    /// This test user's snapshot: a per-user cache outside the data directory.
    public var snapshotURL: URL { SnapshotCache.url(for: directory, environment: environment) }

    public func open() throws -> WorkspaceStore { try WorkspaceStore.open(directory, environment: environment) }

    /// Appends `count` comments from this process, one commit each.
    public func comment(_ count: Int, tag: String = "local") throws {
        let store = try open()
        for index in 0..<count {
            try store.execute(.comment(on: .project(TestWorkspace.project), body: "\(tag) \(index)"), as: TestWorkspace.lead,
                              now: Instant(millis: 2_000 + Int64(index)))
        }
    }

    public func bytes(_ url: URL) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: url.path) ?? Data()) }

    public var journalBytes: [UInt8] { bytes(directory.journalURL) }

    /// The journal's lines, without the zero-filled reserve after them.
    public var journalLines: [UInt8] { Array(journalBytes.prefix { $0 != 0 }) }

    public func writeJournal(_ bytes: [UInt8]) throws {
        try Data(bytes).write(to: directory.journalURL)
    }

    public func cleanUp() { try? FileManager.default.removeItem(at: root) }
}
