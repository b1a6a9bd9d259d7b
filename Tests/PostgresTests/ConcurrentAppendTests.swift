import TestSupport
import BoardCore
import BoardPostgres
import BoardStore
import Foundation
import Testing

extension PostgresServerTests {
    @Suite("PostgreSQL journal: writers racing on separate connections")
    struct ConcurrentAppendTests {
        @Test("8 writers appending 200 lines each, retrying when behind, give 1..1600 chained, each writer's lines in its order")
        func eightWriters() async throws {
            let cluster = try PostgresCluster.shared.get()
            let location = try cluster.makeDatabase()
            let setup = PostgresJournal(location, environment: [:])
            try await setup.createSchema()
            await setup.close()

            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 1...8 {
                    group.addTask { try await Self.write(200, as: "w\(writer)", to: location) }
                }
                try await group.waitForAll()
            }

            let reader = PostgresJournal(location, environment: [:])
            let lines = try await JournalMigration.readAll(reader)
            await reader.close()
            #expect(lines.count == 1600)
            let links = try lines.map { try PortableJournalLine.link(of: $0) }
            #expect(links.map(\.sequence) == Array(1...1600), "no gap and no duplicate")
            #expect(PortableJournalLine.chainBreak(in: lines) == nil)

            // The folder store reads the same lines as a valid journal, each writer's in its order.
            let (folder, _, root) = try JournalFixture.emptyFolder()
            defer { try? FileManager.default.removeItem(at: root) }
            try folder.adoptJournal(PortableJournalLine.join(lines))
            let records = try folder.allRecords()
            for writer in 1...8 {
                let bodies = records.compactMap { record -> String? in
                    guard case .commented(let comment) = record.event, comment.author == "w\(writer)" else { return nil }
                    return comment.body
                }
                #expect(bodies == (1...200).map { "w\(writer) \($0)" })
            }
        }

        /// One writer on its own connection: each line is decided at the head it last saw; when
        /// someone else got there first it catches up to the new head and decides again.
        private static func write(_ count: Int, as writer: String, to location: PostgresLocation) async throws {
            let journal = PostgresJournal(location, environment: [:])
            var head = try await journal.head()
            var written = 0
            while written < count {
                let line = try JournalFixture.comment(head.sequence + 1, after: head.hash, writer: writer, count: written + 1).line
                switch try await journal.append([line], expecting: head.sequence) {
                case .appended(let newHead):
                    head = newHead
                    written += 1
                case .behind(let current):
                    head = current
                }
            }
            await journal.close()
        }
    }
}
