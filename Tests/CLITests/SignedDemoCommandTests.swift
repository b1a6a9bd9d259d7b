import TestSupport
import BoardCore
import BoardStore
import Foundation
import Testing

@Suite("The demo workspace is signed, through the real binary")
struct SignedDemoCommandTests {
    @Test("every line after the policy verifies, every person who acts signs, and the keys are private and outside the data directory")
    func demoVerifies() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let directory = cli.root.appendingPathComponent("not-yet/demo")  // its parent is made too
        let created = try cli.run("demo", "--no-tui", "--dir", directory.path)
        #expect(created.status == 0, "\(created.stderr)")
        let keys = cli.root.appendingPathComponent("not-yet/demo-keys")
        #expect(created.stdout.contains(keys.path))

        let report = try WorkspaceStore.verify(DataDirectory(directory), environment: cli.environment)
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.signatures.policy == .required)
        #expect(report.signatures.bad == 0)
        #expect(report.signatures.unsigned == 1, "only the lead's joining, before any key")
        let store = try WorkspaceStore.open(DataDirectory(directory), environment: cli.environment)
        #expect(store.refusedLine == nil && !store.isReadOnly)
        let records = try store.allRecords()
        let signedPart = records.filter { $0.sequence > store.state.signing.policySince }
        #expect(signedPart.count == records.count - 3)
        #expect(signedPart.allSatisfy { $0.signature.isVerified })
        let actors = Set(records.dropFirst().map(\.actor.handle))
        #expect(Set(report.signatures.signers.map(\.handle)) == actors)
        #expect(actors.count >= 10, "most of the demo's twelve people act: \(actors.sorted())")
        for signer in report.signatures.signers {
            #expect(store.state.signing.keys[signer.fingerprint]?.handle == signer.handle)
        }

        #expect(try mode(keys.path) == 0o700)
        let names = try FileManager.default.contentsOfDirectory(atPath: keys.path)
        #expect(names.filter { !$0.hasSuffix(".pub") }.count == store.state.stakeholders.count)
        for name in names where !name.hasSuffix(".pub") {
            #expect(try mode(keys.appendingPathComponent(name).path) == 0o600, "\(name)")
        }
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: directory.path)).contains { $0.contains("keys") })

        // Opened again, the demo keeps its keys.
        let before = try Data(contentsOf: keys.appendingPathComponent("jonas-weber"))
        let again = try cli.run("demo", "--no-tui", "--dir", directory.path)
        #expect(again.status == 0 && again.stdout.contains("already exists"))
        #expect(try Data(contentsOf: keys.appendingPathComponent("jonas-weber")) == before)
    }

    @Test("a command as a demo person signs with their demo key; without it, or with another's, nothing is written (exit 1)")
    func actingAsADemoPerson() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let directory = cli.root.appendingPathComponent("demo")
        try cli.expectSuccess("demo", "--no-tui", "--dir", directory.path)
        let keys = cli.root.appendingPathComponent("demo-keys")
        let jonasKey = keys.appendingPathComponent("jonas-weber").path
        let journal = directory.appendingPathComponent("journal.jsonl")
        let project = DemoProject.slug

        let before = try Data(contentsOf: journal)
        let withoutKey = try cli.run(["comment", "--project", project, "unsigned words", "--dir", directory.path], as: "jonas-weber")
        #expect(withoutKey.status == 1)
        #expect(withoutKey.stderr.contains("cannot act as jonas-weber"), "\(withoutKey.stderr)")
        let othersKey = try cli.run(["comment", "--project", project, "in jonas's name", "--dir", directory.path,
                                     "--key", keys.appendingPathComponent("amara-okafor").path], as: "jonas-weber")
        #expect(othersKey.status == 1)
        #expect(try Data(contentsOf: journal) == before)

        let signed = try cli.run(["comment", "--project", project, "signed words", "--dir", directory.path, "--key", jonasKey], as: "jonas-weber")
        #expect(signed.status == 0, "\(signed.stderr)")
        let store = try WorkspaceStore.open(DataDirectory(directory), environment: cli.environment)
        let last = try #require(try store.allRecords().last)
        let jonasFingerprint = try SSHPublicKeyLine(parsing: String(contentsOfFile: jonasKey + ".pub", encoding: .utf8)).key.fingerprint
        #expect(last.actor.handle == "jonas-weber")
        #expect(last.signature == .verified(fingerprint: jonasFingerprint))
        #expect(store.state.signing.keys[jonasFingerprint]?.handle == "jonas-weber")
    }

    @Test("demo --signatures off makes no keys and writes unsigned lines, so unsigned writers (benchmarks) can compare")
    func unsignedDemo() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let directory = cli.root.appendingPathComponent("demo")
        let created = try cli.run("demo", "--no-tui", "--signatures", "off", "--dir", directory.path)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.root.appendingPathComponent("demo-keys").path))
        let report = try WorkspaceStore.verify(DataDirectory(directory), environment: cli.environment)
        #expect(report.problems.isEmpty && report.signatures.policy == .off && report.signatures.verified == 0)
        let comment = try cli.run(["comment", "--project", DemoProject.slug, "unsigned words", "--dir", directory.path], as: "jonas-weber")
        #expect(comment.status == 0, "\(comment.stderr)")
    }

    @Test("a demo key that cannot be written is a file problem (exit 3) that names the file, not a usage error")
    func keyThatCannotBeWritten() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let keys = cli.root.appendingPathComponent("demo-keys")
        let blocker = keys.appendingPathComponent("jonas-weber")  // a folder where a key file goes
        try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: keys.path)
        let created = try cli.run("demo", "--no-tui", "--dir", cli.root.appendingPathComponent("demo").path)
        #expect(created.status == 3, "\(created.stderr)")
        #expect(created.stderr.contains("create \(blocker.path) failed"), "\(created.stderr)")
    }

    private func mode(_ path: String) throws -> Int {
        ((try FileManager.default.attributesOfItem(atPath: path))[.posixPermissions] as? Int ?? 0) & 0o777
    }
}

/// A project of the hand-made demo.
enum DemoProject {
    static let slug = "churn-prediction"
}
