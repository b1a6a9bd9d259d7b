import TestSupport
import Foundation
import Testing

/// Signing as people use it from the shell: keys made by the real ssh-keygen, given with --key.
@Suite("Signing from the command line")
struct SigningCommandTests {
    /// A workspace created by ada with her key (so signatures are required), bob added with a key.
    private func signedTeam(name: String = #function) throws -> (CLIHarness, keys: URL) {
        let cli = try CLIHarness(name: name)
        let keys = cli.root.appendingPathComponent("keys")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        for (person, type) in [("ada", "ed25519"), ("bob", "ecdsa"), ("cy", "rsa")] {
            try Self.keygen(type, at: keys.appendingPathComponent(person).path)
        }
        let created = try cli.run("init", "--name", "Acme", "--key", keys.appendingPathComponent("ada").path, as: "ada")
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Signatures are required"))
        try cli.expectSuccess("stakeholder", "add", "bob", "--name", "Bob", "--role", "ML engineer", "--approves", "production",
                              "--key", keys.appendingPathComponent("ada").path, as: "ada")
        try cli.expectSuccess("key", "add", keys.appendingPathComponent("bob.pub").path, "--for", "bob",
                              "--key", keys.appendingPathComponent("ada").path, as: "ada")
        return (cli, keys)
    }

    @Test func actingAsSomeoneWithoutTheirKeyExitsOneAndWritesNothing() throws {
        let (cli, keys) = try signedTeam()
        defer { cli.cleanUp() }
        let journal = cli.dataDirectory.appendingPathComponent("journal.jsonl")
        let before = try Data(contentsOf: journal)
        let asBobWithAdasKey = try cli.run("project", "create", "churn", "--name", "Churn", "--goal", "customer experience",
                                           "--key", keys.appendingPathComponent("ada").path, as: "bob")
        #expect(asBobWithAdasKey.status == 1)
        #expect(asBobWithAdasKey.stderr.contains("not a valid key of bob"))
        let bobFingerprint = try #require(try Self.keyList(cli).first { $0["handle"] as? String == "bob" }?["fingerprint"] as? String)
        #expect(asBobWithAdasKey.stderr.contains(bobFingerprint), "the refusal names bob's registered key")
        let asBobWithNoKey = try cli.run("project", "create", "churn", "--name", "Churn", "--goal", "customer experience", as: "bob")
        #expect(asBobWithNoKey.status == 1)
        #expect(asBobWithNoKey.stderr.contains("--key FILE"))
        #expect(try Data(contentsOf: journal) == before)

        let asBob = try cli.run("project", "create", "churn", "--name", "Churn", "--goal", "customer experience",
                                "--key", keys.appendingPathComponent("bob").path, as: "bob")
        #expect(asBob.status == 0, "\(asBob.stderr)")
        #expect(asBob.stdout.contains("[verified SHA256:"))
    }

    @Test func keysAreAddedByLeadsOrByTheirOwnersOnly() throws {
        let (cli, keys) = try signedTeam()
        defer { cli.cleanUp() }
        let bobKey = keys.appendingPathComponent("bob").path
        try cli.expectSuccess("stakeholder", "add", "cy", "--name", "Cy", "--role", "domain expert",
                              "--key", keys.appendingPathComponent("ada").path, as: "ada")
        let forCy = try cli.run("key", "add", keys.appendingPathComponent("cy.pub").path, "--for", "cy", "--key", bobKey, as: "bob")
        #expect(forCy.status == 1)
        #expect(forCy.stderr.contains("key-rights"))
        try Self.keygen("ed25519", at: keys.appendingPathComponent("bob-laptop").path)
        try cli.expectSuccess("key", "add", keys.appendingPathComponent("bob-laptop.pub").path, "--key", bobKey, as: "bob")
        let listed = try Self.keyList(cli)
        #expect(listed.filter { $0["handle"] as? String == "bob" }.count == 2)
        let privateHalf = try cli.run("key", "add", bobKey, "--key", bobKey, as: "bob")
        #expect(privateHalf.status == 2)
        #expect(privateHalf.stderr.contains(".pub"))
    }

    @Test func verifyCountsSignaturesAndNamesAForgedLine() throws {
        let (cli, _) = try signedTeam()
        defer { cli.cleanUp() }
        let report = try #require(try cli.json("verify", "--json") as? [String: Any])
        let signatures = try #require(report["signatures"] as? [String: Any])
        #expect(signatures["policy"] as? String == "required")
        #expect(signatures["bad"] as? Int == 0)
        #expect(signatures["unsigned"] as? Int == 1, "only the founder's own stakeholder line, before any key")
        #expect(signatures["verified"] as? Int == 4)

        // a line appended by hand that claims ada, with no signature: copy her last line's shape
        let journal = cli.dataDirectory.appendingPathComponent("journal.jsonl")
        let lines = try String(contentsOf: journal, encoding: .utf8).prefix { $0 != "\0" }.split(separator: "\n")
        let forged = try Self.unsignedLine(after: String(lines.last!), sequence: lines.count + 1)
        let handle = try FileHandle(forUpdating: journal)
        try handle.seek(toOffset: UInt64(lines.map { $0.utf8.count + 1 }.reduce(0, +)))
        try handle.write(contentsOf: Data((forged + "\n").utf8))
        try handle.close()
        let verify = try cli.run("verify")
        #expect(verify.status == 3)
        #expect(verify.stdout.contains("sequence \(lines.count + 1) is refused"))
        let write = try cli.run("comment", "--project", "none", "hello", as: "ada")
        #expect(write.status == 3)
        #expect(write.stderr.contains("journal line \(lines.count + 1) is refused"))
    }

    // MARK: Helpers

    static func keygen(_ type: String, at path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ssh-keygen")
        process.arguments = ["-q", "-t", type, "-N", "", "-C", "test", "-f", path] + (type == "rsa" ? ["-b", "2048"] : [])
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw HarnessFailure("ssh-keygen -t \(type) failed") }
    }

    static func keyList(_ cli: CLIHarness) throws -> [[String: Any]] {
        let listing = try #require(try cli.json("key", "list", "--json") as? [String: Any])
        return try #require(listing["keys"] as? [[String: Any]])
    }

    /// A well-formed, correctly hashed and chained line claiming `seq`, with no signature: what
    /// anyone who can write the file can make.
    static func unsignedLine(after previous: String, sequence: Int) throws -> String {
        let prev = try #require(previous.range(of: #""hash":""#).map { String(previous[$0.upperBound...].prefix(64)) })
        let body = #"{"actor":{"handle":"ada","osUser":"ada"},"at":1,"event":{"retrainRecorded":{"note":"forged","project":"churn"}},"prev":""#
            + prev + #"","seq":"# + "\(sequence)" + #","type":"retrainRecorded"}"#
        let hash = try Self.sha256(body)
        return String(body.dropLast()) + #","hash":""# + hash + #""}"#
    }

    static func sha256(_ text: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let digest = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: digest, as: UTF8.self).prefix(64))
    }
}
