@testable import BoardPostgres
import TestSupport
import BoardStore
import Foundation
import Glibc
import Testing

extension PostgresServerTests {
    @Suite("PostgreSQL journal: a client killed in the middle of its transaction")
    struct KilledClientTests {
        @Test("a client killed after BEGIN, the writers' lock and INSERT, before COMMIT, leaves nothing and blocks no one")
        func killedBeforeCommit() async throws {
            let cluster = try PostgresCluster.shared.get()
            let location = try cluster.makeDatabase()
            let journal = PostgresJournal(location, environment: [:])
            try await journal.createSchema()
            let line = try JournalFixture.comments(1, after: .genesis)[0]
            let hash = try PortableJournalLine.link(of: line).hash

            // psql as the client: it runs the writer's statements and then waits for more input.
            let client = Process()
            client.executableURL = URL(fileURLWithPath: cluster.psqlPath)
            client.arguments = ["-X", "-q", "-h", "127.0.0.1", "-p", String(cluster.port), "-U", PostgresCluster.superuser, "-d", location.database]
            client.environment = ["PGAPPNAME": "killed-writer", "PATH": "/usr/bin:/bin"]
            let input = Pipe()
            client.standardInput = input
            client.standardOutput = FileHandle.nullDevice
            client.standardError = FileHandle.nullDevice
            try client.run()
            let hex = line.map { String(format: "%02x", $0) }.joined()
            let statements = """
                BEGIN;
                SELECT pg_advisory_xact_lock(\(PostgresSchema.appendLockKey));
                INSERT INTO mlboard_events (seq, line, hash) VALUES (1, decode('\(hex)', 'hex'), '\(hash)');

                """
            input.fileHandleForWriting.write(Data(statements.utf8))

            let inserted = "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'killed-writer' AND state = 'idle in transaction' AND query LIKE 'INSERT%'"
            var waited = 0
            while try cluster.psql(inserted, database: location.database) != "1\n" && waited < 300 {
                try await Task.sleep(for: .milliseconds(100))
                waited += 1
            }
            #expect(waited < 300, "the client got as far as its INSERT")
            kill(client.processIdentifier, SIGKILL)
            client.waitUntilExit()
            #expect(client.terminationReason == .uncaughtSignal)

            // Nothing of it is stored, and the next writer takes the lock and writes line 1.
            #expect(try await journal.head() == .genesis)
            #expect(try await journal.append([line], expecting: 0) == .appended(ChainHead(sequence: 1, hash: hash)))
            #expect(try await JournalMigration.readAll(journal) == [line])
            await journal.close()
        }
    }
}
