import BoardCore
import BoardPostgres
import Foundation

/// A new database on the shared test cluster, and an environment whose state and cache (seen
/// markers, snapshots) are in a folder of their own.
public struct PostgresTestDatabase {
    public let cluster: PostgresCluster
    public let location: PostgresLocation
    public let environment: [String: String]
    private let root: URL

    public init(name: String = #function) throws {
        cluster = try PostgresCluster.shared.get()
        location = try cluster.makeDatabase(name)
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-pg-test-\(UUID().uuidString.prefix(8))")
        environment = HermeticEnvironment.current(keepingStateAndCacheIn: root)
    }

    /// Creates a workspace here with the lead and the project every test workspace has, then
    /// runs `commands` as the lead.
    public func makeWorkspace(then commands: [Command] = []) throws -> PostgresWorkspaceStore {
        let store = try PostgresWorkspaceStore.create(at: location, config: .defaults(name: "Test"), environment: environment)
        try store.execute([
            .addStakeholder(Stakeholder(handle: TestWorkspace.lead.handle, name: "Lea Lead", role: "data-science lead", approvalStages: ["staging"])),
            .createProject(NewProject(slug: TestWorkspace.project, name: "Churn", goal: "customer experience")),
        ] + commands, as: TestWorkspace.lead, now: Instant(millis: 1_000))
        return store
    }

    public func cleanUp() { try? FileManager.default.removeItem(at: root) }
}
