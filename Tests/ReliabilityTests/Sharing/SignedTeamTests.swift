import TestSupport
@testable import BoardStore
import BoardCore
import Foundation
import Glibc
import Testing

/// The attack the issue reported, by a real group member: bob can write the journal, but he can
/// neither act as alice nor slip a line in under her name once signatures are required.
@Suite("Signed events in a shared folder", .enabled(if: Person.canSwitchUsers, "needs root and setpriv to act as other users"))
struct SignedTeamTests {
    @Test("bob, a group member with his own key, can neither act as alice nor forge her lines")
    func nobodyActsAsSomebodyElse() throws {
        let team = try TeamFolder()
        defer { team.cleanUp() }
        let keys = try Self.makeKeys(in: team, for: [.alice, .bob])
        let made = try Person.alice.mlboard(["init", "--name", "Team", "--key", keys[Person.alice.handle]!], in: team)
        #expect(made.status == 0 && made.stdout.contains("Signatures are required"), "\(made.stdout) \(made.stderr)")
        let asAlice = ["--key", keys[Person.alice.handle]!]
        for arguments in [
            ["stakeholder", "add", "bob", "--name", "Bob", "--role", "data scientist", "--approves", "production"],
            ["key", "add", keys[Person.bob.handle]! + ".pub", "--for", "bob"],
        ] {
            let done = try Person.alice.mlboard(arguments + asAlice, in: team)
            #expect(done.status == 0, "\(arguments): \(done.stderr)")
        }
        let journal = team.data.appendingPathComponent("journal.jsonl").path
        let before = try Data(contentsOf: URL(fileURLWithPath: journal))

        // bob claims to be alice, as the report did, signing with his own key
        var claim = ["stakeholder", "add", "mallory", "--name", "Mallory", "--role", "data scientist", "--lead",
                     "--approves", "production", "--key", keys[Person.bob.handle]!]
        claim += ["--as", "alice"]
        let claimed = try Person.bob.mlboard(claim, in: team)
        #expect(claimed.status == 1, "\(claimed.stdout) \(claimed.stderr)")
        #expect(claimed.stderr.contains("not a valid key of alice"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before, "nothing written")

        // bob writes a line by hand into the journal, claiming alice: the file lets him
        let scan = try JournalReader.scan(try WorkspaceFolder.open(team.data.path), from: .start)
        let forged = try JournalLine.encode(EventRecord(
            sequence: scan.end.sequence + 1, at: Instant(millis: 1), actor: Actor(handle: "alice", osUser: "alice"),
            event: .stakeholderAdded(Stakeholder(handle: "mallory", name: "Mallory", role: "data scientist", isLead: true))),
            previousHash: scan.end.hash)
        let line = String(decoding: forged.bytes, as: UTF8.self)
        let write = Person.bob.commandLine(["/bin/sh", "-c", "printf '%s' \"$1\" | dd of=\"$2\" bs=1 seek=\"$3\" conv=notrunc 2>/dev/null",
                                            "sh", line, journal, "\(scan.end.offset)"])
        let wrote = Binary.finish(try Binary.start(URL(fileURLWithPath: write[0]), Array(write.dropFirst()), environment: [:],
                                                   currentDirectory: team.shared))
        #expect(wrote.status == 0, "bob can write the journal: \(wrote.stderr)")

        let verified = try Person.alice.mlboard(["verify"], in: team)
        #expect(verified.status == 3)
        #expect(verified.stdout.contains("sequence \(scan.end.sequence + 1) is refused"), "\(verified.stdout)")
        for person in [Person.alice, .bob] {
            let after = try person.mlboard(["comment", "--project", "none", "after"] + ["--key", keys[person.handle]!], in: team)
            #expect(after.status == 3 && after.stderr.contains("is refused"), "\(person.handle): \(after.stderr)")
            let people = try person.mlboard(["stakeholder", "list", "--json"], in: team)
            #expect(!people.stdout.contains("mallory"), "the forged stakeholder never reaches the state")
        }
    }

    /// An ed25519 key per person, made by ssh-keygen: the private key the person's own (0600),
    /// the public half readable by all.
    static func makeKeys(in team: TeamFolder, for people: [Person]) throws -> [String: String] {
        var files: [String: String] = [:]
        let folder = team.root.appendingPathComponent("keys")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        chmod(folder.path, 0o755)
        for person in people {
            let path = folder.appendingPathComponent(person.handle).path
            let made = Binary.finish(try Binary.start(
                URL(fileURLWithPath: "/usr/bin/ssh-keygen"), ["-q", "-t", "ed25519", "-N", "", "-C", person.handle, "-f", path],
                environment: [:], currentDirectory: folder))
            guard made.status == 0 else { throw Failure("ssh-keygen failed: \(made.stderr)") }
            chown(path, person.uid, person.gid)
            chmod(path, 0o600)
            chmod(path + ".pub", 0o644)
            files[person.handle] = path
        }
        return files
    }
}
