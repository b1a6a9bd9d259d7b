import BoardPostgres
import BoardStore
import Foundation
import TestSupport
import Testing

extension PostgresServerTests {
    @Suite("Journal migration: folder to PostgreSQL and back")
    struct MigrationTests {
        @Test("the demo's signed journal copied into PostgreSQL reads back byte for byte, and copied into an empty folder it verifies")
        func demoRoundTrip() async throws {
            let cluster = try PostgresCluster.shared.get()
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-pg-migrate-\(UUID().uuidString.prefix(8))")
            defer { try? FileManager.default.removeItem(at: root) }
            let environment = HermeticEnvironment.current(keepingStateAndCacheIn: root)
            let demo = DataDirectory(root.appendingPathComponent("demo"))
            _ = try CleanSpawn.run([BuiltBinary.mlboard.path, "demo", "--dir", demo.path, "--no-tui"],
                                   environment: environment, outputName: "demo")
            let source = try WorkspaceStore.open(demo, environment: environment)
            let original = try source.journalLines()
            #expect(original.count > 10_000, "the demo wrote its journal")

            let journal = PostgresJournal(try cluster.makeDatabase(), environment: [:])
            try await journal.createSchema()
            let head = try await JournalMigration.copy(source, to: journal)
            #expect(head.sequence == source.position.sequence)
            #expect(head.hash == source.position.hash)
            #expect(PortableJournalLine.join(try await JournalMigration.readAll(journal)) == original, "byte-identical")
            let again = await #expect(throws: JournalMigration.Refusal.self) { try await JournalMigration.copy(source, to: journal) }
            #expect(again?.description.contains("already holds a journal") == true)

            let copy = DataDirectory(root.appendingPathComponent("copy"))
            let target = try WorkspaceStore.create(at: copy, config: source.state.config, environment: environment)
            #expect(try await JournalMigration.copy(journal, to: target) == Int(source.position.sequence))
            let report = try WorkspaceStore.verify(copy, environment: environment)
            #expect(report.passed, "\(report.problems)")
            #expect(try WorkspaceStore.open(copy, environment: environment).journalLines() == original)
            await journal.close()
        }
    }
}
