import BoardCore
@testable import BoardPostgres
import BoardStore
import Foundation
import TestSupport
import Testing

/// A dashboard's write, while its watch already says the server is gone, fails at once with the
/// watch's reason instead of waiting out the 10 s deadline on the dashboard's thread.
@Suite("PostgreSQL store: writes while the watch says the server is gone")
struct PostgresOfflineWriteTests {
    @Test("the write fails at once with the watch's reason and writes nothing; once the watch hears the server again, it goes through")
    func writeWhileKnownOffline() throws {
        let database = try PostgresTestDatabase()
        defer { database.cleanUp() }
        let (environment, lead) = (database.environment, TestWorkspace.lead)
        let store = try database.makeWorkspace()
        let head = store.lastSequence

        store.connection.set(offline: "the watch lost the server")
        let refused = #expect(throws: StoreError.self) {
            try store.execute(.comment(on: .project("churn"), body: "while offline"), as: lead, now: Instant(millis: 2_000))
        }
        guard case .unavailable(let reason)? = refused, reason.contains("the watch lost the server") else {
            Issue.record("expected the watch's reason, got \(String(describing: refused))")
            return
        }
        #expect(try PostgresWorkspaceStore.open(store.location, environment: environment).lastSequence == head, "nothing was written")

        store.connection.set(offline: nil)
        try store.execute(.comment(on: .project("churn"), body: "back online"), as: lead, now: Instant(millis: 3_000))
        #expect(store.lastSequence == head + 1)
    }
}
