import TestSupport
import BoardPostgres
import BoardStore
import Foundation
import Testing

extension PostgresServerTests {
    @Suite("PostgreSQL journal: the server going away")
    struct ServerRestartTests {
        @Test("with the server stopped an append fails with the store's error naming the server; after it is back, it works")
        func stoppedAndStarted() async throws {
            // A cluster of its own: stopping the shared one would fail the other tests.
            let cluster = try PostgresCluster()
            defer { cluster.tearDown() }
            let location = try cluster.makeDatabase()
            let journal = PostgresJournal(location, environment: [:])
            try await journal.createSchema()
            let lines = try JournalFixture.comments(3, after: .genesis)
            #expect(try await journal.append([lines[0]], expecting: 0) == .appended(ChainHead(sequence: 1, hash: try link(lines[0]))))

            try cluster.stop()
            let whileDown = await #expect(throws: PostgresStoreError.self) { try await journal.append([lines[1]], expecting: 1) }
            // The statement is its own commit, so a connection lost once it was sent leaves the
            // outcome unknown; one found closed before is dropped or unreachable.
            #expect([.dropped, .restarting, .unreachable, .outcomeUnknown].contains(whileDown?.kind))
            #expect(whileDown?.description.hasPrefix("PostgreSQL at \(location)") == true)
            let stillDown = await #expect(throws: PostgresStoreError.self) { try await journal.head() }
            #expect(stillDown?.kind == .unreachable, "a new connection is refused while the server is down")

            try cluster.start()
            #expect(try await journal.head().sequence == 1, "nothing of the failed append was stored")
            #expect(try await journal.append([lines[1]], expecting: 1) == .appended(ChainHead(sequence: 2, hash: try link(lines[1]))))
            #expect(try await JournalMigration.readAll(journal) == Array(lines[0...1]))
            await journal.close()
        }

        @Test("a server that is not there is reported as unreachable, naming it")
        func nobodyListening() async throws {
            let cluster = try PostgresCluster.shared.get()
            let location = PostgresLocation(host: "127.0.0.1", port: cluster.port == 1 ? 2 : 1, user: "mlboard", database: "none", sslMode: .disable)
            let journal = PostgresJournal(location, environment: [:])
            let error = await #expect(throws: PostgresStoreError.self) { try await journal.head() }
            #expect(error?.kind == .unreachable)
            #expect(error?.description.contains("postgresql://mlboard@127.0.0.1:") == true)
        }

        private func link(_ line: [UInt8]) throws -> String { try PortableJournalLine.link(of: line).hash }
    }

    /// The two ways the journal appends: one statement that is its own transaction (a lost
    /// connection leaves its outcome unknown), and a transaction that decides under the lock
    /// before COMMIT (a connection lost before COMMIT stored nothing).
    enum AppendPath: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case oneStatement, decidingUnderLock

        var testDescription: String { rawValue }

        func append(_ lines: [[UInt8]], to journal: PostgresJournal) async throws -> AppendOutcome {
            switch self {
            case .oneStatement: try await journal.append(lines, expecting: 0)
            case .decidingUnderLock: try await journal.append(after: 0, deciding: { _ in lines })
            }
        }

        var failure: (kind: PostgresStoreError.Kind, says: String) {
            switch self {
            case .oneStatement: (.outcomeUnknown, "may or may not have been stored")
            case .decidingUnderLock: (.dropped, "nothing of the operation in progress was stored")
            }
        }
    }

    @Suite("PostgreSQL journal: a connection ended in the middle of an append")
    struct DroppedConnectionTests {
        @Test("an append whose connection the server ends while it waits for the writers' lock fails, writes nothing, and the next one reconnects",
              arguments: AppendPath.allCases)
        func terminatedWhileWaiting(path: AppendPath) async throws {
            let cluster = try PostgresCluster.shared.get()
            let location = try cluster.makeDatabase()
            let journal = PostgresJournal(location, environment: [:])
            try await journal.createSchema()
            let lines = try JournalFixture.comments(1, after: .genesis)

            // Another client holds the writers' lock, so the append waits inside its transaction.
            let holder = try LockHolder(cluster: cluster, database: location.database)
            defer { holder.release() }
            let append = Task { try await path.append(lines, to: journal) }
            let waiting = "SELECT pid FROM pg_stat_activity WHERE application_name = 'mlboard' AND wait_event_type = 'Lock' AND datname = current_database()"
            var pid = ""
            for _ in 0..<300 where pid.isEmpty {
                pid = try cluster.psql(waiting, database: location.database).trimmingCharacters(in: .whitespacesAndNewlines)
                if pid.isEmpty { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(!pid.isEmpty, "the append waits for the lock")
            try cluster.psql("SELECT pg_terminate_backend(\(pid))")

            let failure = await #expect(throws: PostgresStoreError.self) { try await append.value }
            #expect(failure?.kind == path.failure.kind)
            #expect(failure?.description.contains(path.failure.says) == true)
            holder.release()
            #expect(try await journal.head() == .genesis)
            #expect(try await path.append(lines, to: journal) == .appended(ChainHead(sequence: 1, hash: try PortableJournalLine.link(of: lines[0]).hash)))
            await journal.close()
        }

        @Test("an append still waiting for the writers' lock near its deadline is cancelled by the server, writes nothing, not even later, and frees its place",
              arguments: AppendPath.allCases)
        func deadlinePassedWhileWaiting(path: AppendPath) async throws {
            let cluster = try PostgresCluster.shared.get()
            let location = try cluster.makeDatabase()
            let journal = PostgresJournal(location, environment: [:], deadline: .seconds(2))
            try await journal.createSchema()
            let lines = try JournalFixture.comments(1, after: .genesis)

            let holder = try LockHolder(cluster: cluster, database: location.database)
            defer { holder.release() }
            let failure = await #expect(throws: PostgresStoreError.self) { try await path.append(lines, to: journal) }
            #expect(failure?.kind == .timedOut, "the server's statement_timeout (4/5 of the deadline) ends the wait before the client gives up: \(failure?.description ?? "")")
            #expect(failure?.description.contains("nothing of it was stored") == true)
            holder.release()
            let waiting = "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'mlboard' AND wait_event_type = 'Lock' AND datname = current_database()"
            var stillWaiting = "1"
            for _ in 0..<100 where stillWaiting != "0" {
                stillWaiting = try cluster.psql(waiting, database: location.database).trimmingCharacters(in: .whitespacesAndNewlines)
                if stillWaiting != "0" { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(stillWaiting == "0", "the abandoned append's connection is gone from the server")
            #expect(try await journal.head() == .genesis)
            #expect(try await path.append(lines, to: journal) == .appended(ChainHead(sequence: 1, hash: try PortableJournalLine.link(of: lines[0]).hash)))
            await journal.close()
        }
    }
}
