import TestSupport
import BoardPostgres
import Foundation
import Testing

extension PostgresServerTests {
    @Suite("PostgreSQL journal: watching for other clients' commits")
    struct WatchTests {
        @Test("a LISTEN watcher is woken by another connection's append with the new head")
        func listenWakes() async throws {
            try await wokenByAppend(mode: .listen)
        }

        @Test("the polling fallback is woken too")
        func pollingWakes() async throws {
            try await wokenByAppend(mode: .polling(every: .milliseconds(50)))
        }

        @Test("a LISTEN watcher whose network is cut (no reset reaches it) reports the server offline")
        func cutNetwork() async throws {
            let cluster = try PostgresCluster.shared.get()
            let direct = try cluster.makeDatabase()
            let writer = PostgresJournal(direct, environment: [:])
            try await writer.createSchema()
            await writer.close()
            let proxy = try BlackHoleProxy(to: cluster.port)
            defer { proxy.close() }
            var throughProxy = direct
            throughProxy.port = proxy.port
            let watch = PostgresJournalWatch(throughProxy, environment: [:], retryInterval: .seconds(30))
            defer { watch.stop() }
            #expect(await Self.next(watch) == .listening)
            proxy.cut()
            guard case .offline(let error) = await Self.next(watch) else {
                Issue.record("no offline report after the network was cut")
                return
            }
            #expect(error.description.contains("PostgreSQL at"))
        }

        private func wokenByAppend(mode: PostgresJournalWatch.Mode) async throws {
            let cluster = try PostgresCluster.shared.get()
            let location = try cluster.makeDatabase()
            let writer = PostgresJournal(location, environment: [:])
            try await writer.createSchema()
            let watch = PostgresJournalWatch(location, environment: [:], mode: mode)
            defer { watch.stop() }

            #expect(await Self.next(watch) == .listening)
            _ = try await writer.append(try JournalFixture.comments(2, after: .genesis), expecting: 0)
            #expect(await Self.next(watch) == .committed(sequence: 2))
            await writer.close()
        }

        /// The watch's next wake, or nil when none came within a generous bound (a hung test must end).
        private static func next(_ watch: PostgresJournalWatch) async -> PostgresJournalWatch.Wake? {
            await withTaskGroup(of: PostgresJournalWatch.Wake?.self) { group in
                group.addTask {
                    for await wake in watch.wakes { return wake }
                    return nil
                }
                group.addTask {
                    try? await Task.sleep(for: .seconds(30))
                    return nil
                }
                let first = await group.next() ?? nil
                group.cancelAll()
                return first
            }
        }
    }
}
