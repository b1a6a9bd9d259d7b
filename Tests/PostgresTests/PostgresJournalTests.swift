import TestSupport
import BoardPostgres
import BoardStore
import Foundation
import Testing

extension PostgresServerTests {
    @Suite("PostgreSQL journal: schema, head, append at the expected position, reading back")
    struct PostgresJournalTests {
        let cluster: PostgresCluster

        init() throws { cluster = try PostgresCluster.shared.get() }

        @Test("creating the schema twice applies each migration once; an empty journal's head is 0 and the genesis hash")
        func schema() async throws {
            let journal = PostgresJournal(try cluster.makeDatabase(), environment: [:])
            #expect(try await journal.schemaVersion() == 0)
            try await journal.createSchema()
            try await journal.createSchema()
            #expect(try await journal.schemaVersion() == 4)
            #expect(try await journal.head() == .genesis)
            #expect(try cluster.psql("SELECT string_agg(version::text, ',' ORDER BY version) FROM mlboard_schema", database: journal.location.database) == "1,2,3,4\n")
            #expect(try cluster.psql("SELECT count(*) FROM pg_proc WHERE proname IN ('mlboard_append', 'mlboard_comment_target')", database: journal.location.database) == "2\n")
            #expect(try cluster.psql("SELECT count(*) FROM pg_indexes WHERE indexname = 'mlboard_events_comment_target'", database: journal.location.database) == "1\n")
            await journal.close()
        }

        @Test("a database without the schema says so, naming the server")
        func noSchema() async throws {
            let journal = PostgresJournal(try cluster.makeDatabase(), environment: [:])
            let error = await #expect(throws: PostgresStoreError.self) { try await journal.head() }
            #expect(error?.kind == .schema)
            #expect(error?.description.contains("127.0.0.1:\(cluster.port)") == true)
            await journal.close()
        }

        @Test("an append at the head is stored; one expecting an older head is behind and writes nothing")
        func appendAndBehind() async throws {
            let journal = PostgresJournal(try cluster.makeDatabase(), environment: [:])
            try await journal.createSchema()
            let first = try JournalFixture.comments(3, after: .genesis)
            guard case .appended(let head) = try await journal.append(first, expecting: 0) else {
                Issue.record("the first append was not stored")
                return
            }
            #expect(head.sequence == 3)
            #expect(try await journal.head() == head)

            let stale = try JournalFixture.comments(1, after: .genesis, writer: "late")
            #expect(try await journal.append(stale, expecting: 0) == .behind(head))
            let stored = try await JournalMigration.readAll(journal)
            #expect(stored == first, "the lines read back are the bytes appended, and only those")
            await journal.close()
        }

        @Test("lines that do not follow each other, or do not chain to the head, are refused whole")
        func brokenChainRefused() async throws {
            let journal = PostgresJournal(try cluster.makeDatabase(), environment: [:])
            try await journal.createSchema()
            let lines = try JournalFixture.comments(3, after: .genesis)
            await #expect(throws: PostgresStoreError.self) { try await journal.append([lines[0], lines[2]], expecting: 0) }
            _ = try await journal.append([lines[0]], expecting: 0)
            let unchained = try JournalFixture.comment(2, after: PortableJournalLine.genesisHash, writer: "x", count: 1).line
            await #expect(throws: PostgresStoreError.self) { try await journal.append([unchained], expecting: 1) }
            var damaged = lines[1]
            damaged[damaged.count / 2] ^= 0x01
            await #expect(throws: PostgresStoreError.self) { try await journal.append([damaged], expecting: 1) }
            #expect(try await journal.head().sequence == 1)
            await journal.close()
        }

        @Test("reading from a position pages through the lines in order")
        func pagedReading() async throws {
            let journal = PostgresJournal(try cluster.makeDatabase(), environment: [:])
            try await journal.createSchema()
            let lines = try JournalFixture.comments(25, after: .genesis)
            _ = try await journal.append(lines, expecting: 0)
            var read: [(sequence: Int64, line: [UInt8])] = []
            for try await element in journal.lines(after: 10, pageSize: 4) { read.append(element) }
            #expect(read.map(\.sequence) == Array(11...25))
            #expect(read.map(\.line) == Array(lines[10...]))
            await journal.close()
        }
    }
}
