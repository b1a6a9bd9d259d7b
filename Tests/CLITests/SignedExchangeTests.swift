import BoardCore
import BoardStore
import Foundation
import Testing
import TestSupport

@Suite("Export and import keep signatures, through the real binary")
struct SignedExchangeTests {
    @Test("a journal export of the signed demo, imported with --create, is the same lines: chain, hashes and signatures")
    func journalRoundTrip() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let original = cli.root.appendingPathComponent("demo")
        let copy = cli.root.appendingPathComponent("copy")
        try cli.expectSuccess("demo", "--no-tui", "--dir", original.path)
        try cli.expectSuccess("export", "--format", "journal", "--out", "out", "--dir", original.path)
        let file = cli.root.appendingPathComponent("out/mlboard-journal.jsonl").path

        let dry = try cli.run("import", file, "--create", "--dry-run", "--dir", copy.path)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("Would copy"))
        #expect(!FileManager.default.fileExists(atPath: copy.path))

        let imported = try cli.run("import", file, "--create", "--dir", copy.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("signatures intact"), "\(imported.stdout)")
        #expect(try lines(of: copy) == lines(of: original))
        let source = try WorkspaceStore.verify(DataDirectory(original), environment: cli.environment)
        let copied = try WorkspaceStore.verify(DataDirectory(copy), environment: cli.environment)
        #expect(copied.problems.isEmpty, "\(copied.problems)")
        #expect(copied.signatures == source.signatures)
        #expect(copied.signatures.policy == .required && copied.signatures.bad == 0)
        #expect(try cli.run("verify", "--dir", copy.path).status == 0)

        // Into a workspace that has events: refused, with what to do instead; nothing written.
        let before = try lines(of: original)
        let again = try cli.run("import", file, "--dir", original.path)
        #expect(again.status == 2)
        #expect(again.stderr.contains("no events yet") && again.stderr.contains("--create"), "\(again.stderr)")
        #expect(try lines(of: original) == before)
    }

    @Test("a journal export with a line changed is refused and --create leaves nothing behind")
    func changedJournalRefused() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        try cli.expectSuccess("export", "--format", "journal", "--out", "out", as: "ada")
        let file = cli.root.appendingPathComponent("out/mlboard-journal.jsonl")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\"Churn\"", with: "\"Chunk\"").write(to: file, atomically: true, encoding: .utf8)
        let copy = cli.root.appendingPathComponent("copy")
        let outcome = try cli.run("import", file.path, "--create", "--dir", copy.path)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("not copied, nothing was written"), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: copy.path))
    }

    @Test("a CSV import into a signed workspace is signed with the importer's key")
    func csvImportSignedByImporter() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let key = cli.root.appendingPathComponent("ada-key").path
        try Ed25519KeyFile.generate(at: key, comment: "ada")
        try cli.expectSuccess("init", "--name", "Acme", "--key", key, as: "ada")
        try Data("handle,name,role\r\ndee,Dee,data engineer\r\n".utf8).write(to: cli.root.appendingPathComponent("people.csv"))

        let unsigned = try cli.run("import", "people.csv", as: "ada")
        #expect(unsigned.status == 1, "without a key nothing is imported: \(unsigned.stderr)")
        let imported = try cli.run("import", "people.csv", "--key", key, as: "ada")
        #expect(imported.status == 0, "\(imported.stderr)")
        let store = try WorkspaceStore.open(DataDirectory(cli.dataDirectory), environment: cli.environment)
        let last = try #require(try store.allRecords().last)
        guard case .stakeholderAdded(let person) = last.event else {
            Issue.record("the import's line is last: \(last.event)")
            return
        }
        #expect(person.handle == "dee" && last.actor.handle == "ada")
        let fingerprint = try SSHPublicKeyLine(parsing: String(contentsOfFile: key + ".pub", encoding: .utf8)).key.fingerprint
        #expect(last.signature == .verified(fingerprint: fingerprint))
    }

    private func lines(of directory: URL) throws -> Data {
        let bytes = try Data(contentsOf: directory.appendingPathComponent("journal.jsonl"))
        return bytes.prefix { $0 != 0 }
    }
}
