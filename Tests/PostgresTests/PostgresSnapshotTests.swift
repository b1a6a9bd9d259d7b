import BoardCore
import BoardPostgres
import BoardStore
import Foundation
import TestSupport
import Testing

/// A new client of a database workspace begins from this user's snapshot and reads only the
/// lines after it.
@Suite("PostgreSQL store: this user's snapshot")
struct PostgresSnapshotTests {
    @Test("a client opens from the snapshot to the same state and comments, and reads the lines after it")
    func opensFromSnapshot() throws {
        let (location, environment, cleanUp) = try workspace()
        defer { cleanUp() }
        let writer = try PostgresWorkspaceStore.open(location, environment: environment)
        writer.snapshotInterval = 10
        for index in 0..<25 { try writer.execute(.comment(on: .project("churn"), body: "c\(index)"), as: lead, now: Instant(millis: 5_000 + Int64(index))) }
        try #require(writer.cacheWork()).run()
        try writer.execute(.comment(on: .project("churn"), body: "after the snapshot"), as: lead, now: Instant(millis: 9_000))

        let reader = try PostgresWorkspaceStore.open(location, environment: environment)
        #expect(reader.openedFromSnapshot == writer.lastSequence - 1)
        #expect(reader.state == writer.state && reader.lastSequence == writer.lastSequence)
        #expect(try reader.comments(on: .project("churn")).map(\.body) == (0..<25).map { "c\($0)" } + ["after the snapshot"])
        #expect(try reader.allComments().count == 26)
        #expect(reader.warnings.isEmpty)
    }

    @Test("a snapshot the server's journal disagrees with is set aside with a warning, and the state rebuilt from the journal")
    func disagreeingSnapshot() throws {
        let (location, environment, cleanUp) = try workspace()
        defer { cleanUp() }
        let first = try PostgresWorkspaceStore.open(location, environment: environment)
        first.snapshotInterval = 1
        try first.execute(.comment(on: .project("churn"), body: "kept in the snapshot"), as: lead, now: Instant(millis: 5_000))
        try #require(first.cacheWork()).run()

        // The database is made again under the same name, with another history.
        let cluster = try PostgresCluster.shared.get()
        try cluster.psql("DROP DATABASE \(location.database) WITH (FORCE)")
        try cluster.psql("CREATE DATABASE \(location.database)")
        let remade = try makeWorkspace(at: location, environment: environment)
        try remade.execute(.comment(on: .project("churn"), body: "another history"), as: lead, now: Instant(millis: 6_000))

        let reader = try PostgresWorkspaceStore.open(location, environment: environment)
        #expect(reader.openedFromSnapshot == nil)
        #expect(reader.warnings.contains { $0.contains("snapshot disagrees with the journal") })
        #expect(try reader.comments(on: .project("churn")).map(\.body) == ["another history"])
    }

    private let lead = TestWorkspace.lead

    private func workspace(name: String = #function) throws -> (PostgresLocation, [String: String], () -> Void) {
        let location = try PostgresCluster.shared.get().makeDatabase(name)
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-pg-cache-\(UUID().uuidString.prefix(8))")
        let environment = ["XDG_CACHE_HOME": cache.path, "XDG_STATE_HOME": cache.appendingPathComponent("state").path]
        _ = try makeWorkspace(at: location, environment: environment)
        return (location, environment, { try? FileManager.default.removeItem(at: cache) })
    }

    private func makeWorkspace(at location: PostgresLocation, environment: [String: String]) throws -> PostgresWorkspaceStore {
        let store = try PostgresWorkspaceStore.create(at: location, config: .defaults(name: "Test"), environment: environment)
        try store.execute([
            .addStakeholder(Stakeholder(handle: "lea", name: "Lea Lead", role: "data-science lead", approvalStages: ["staging"])),
            .createProject(NewProject(slug: "churn", name: "Churn", goal: "customer experience")),
        ], as: lead, now: Instant(millis: 1_000))
        return store
    }
}
