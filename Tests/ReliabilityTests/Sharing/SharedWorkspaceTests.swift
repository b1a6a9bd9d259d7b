import TestSupport
@testable import BoardStore
import Foundation
import Glibc
import Testing

@Suite("A workspace shared by people in one group", .enabled(if: Person.canSwitchUsers, "needs root and setpriv to act as other users"))
struct SharedWorkspaceTests {
    @Test("two users with umask 022 and one with 077 take turns writing, compacting and cutting torn tails")
    func takingTurns() throws {
        let team = try TeamFolder()
        defer { team.cleanUp() }
        try team.startWorkspace()
        let config = try String(contentsOf: team.directory.configURL, encoding: .utf8)
        #expect(config.contains("shared: group"), "a setgid folder makes the workspace shared")

        for (index, person) in [Person.bob, .carol, .alice, .carol, .bob].enumerated() {
            let wrote = try person.mlboard(["comment", "--project", "churn", "turn \(index) by \(person.handle)"], in: team)
            #expect(wrote.status == 0, "\(person.handle): \(wrote.stderr)")
        }
        let compacted = try Person.carol.mlboard(["compact"], in: team)
        #expect(compacted.status == 0, "carol (umask 077) compacts: \(compacted.stderr)")

        // A torn tail, cut by carol (umask 077), then another, cut by alice: torn-tails/ must
        // stay writable for the group whoever made it.
        for cutter in [Person.carol, .alice] {
            try appendTornTail(team)
            let wrote = try cutter.mlboard(["comment", "--project", "churn", "after a torn tail"], in: team)
            #expect(wrote.status == 0, "\(cutter.handle) cuts a torn tail: \(wrote.stderr)")
        }
        let tornTails = try FileManager.default.contentsOfDirectory(atPath: team.data.appendingPathComponent("torn-tails").path)
        #expect(tornTails.count == 2, "\(tornTails)")

        for person in [Person.alice, .bob, .carol] {
            let verified = try person.mlboard(["verify"], in: team)
            #expect(verified.status == 0, "\(person.handle) verifies: \(verified.stdout) \(verified.stderr)")
        }
        // Modes: group read and write for files, rwx + setgid + sticky for folders, whatever the umask.
        for file in ["journal.jsonl", "workspace.yml", "lock"] {
            let stats = try #require(team.facts(file))
            #expect(stats.st_mode & 0o660 == 0o660 && stats.st_gid == Person.teamGroup, "\(file): \(String(stats.st_mode, radix: 8))")
        }
        for folder in ["", "torn-tails"] {
            let stats = try #require(team.facts(folder))
            #expect(stats.st_mode & 0o3770 == 0o3770 && stats.st_gid == Person.teamGroup, "\(folder): \(String(stats.st_mode, radix: 8))")
        }
        #expect(team.facts("snapshot.bin") == nil, "snapshots live in each user's cache, not in the shared folder")
        let carolsSnapshot = team.home(of: .carol).appendingPathComponent("cache/mlboard")
        #expect(FileManager.default.fileExists(atPath: carolsSnapshot.path))
        let doctor = try Person.bob.mlboard(["doctor"], in: team)
        #expect(doctor.status == 0, "doctor finds nothing wrong: \(doctor.stdout)")
    }

    @Test("umask 022 in a setgid folder still shares, and a private workspace in a plain folder stays private")
    func sharingFollowsTheFolder() throws {
        let team = try TeamFolder()
        defer { team.cleanUp() }
        let made = try Person.alice.mlboard(["init", "--name", "Team"], in: team)
        #expect(made.status == 0 && made.stdout.contains("shared with the folder's group"), "\(made.stdout) \(made.stderr)")
        let added = try Person.alice.mlboard(["stakeholder", "add", "bob", "--name", "Bob", "--role", "data scientist"], in: team)
        #expect(added.status == 0, "\(added.stderr)")
        let bobReads = try Person.bob.mlboard(["status"], in: team)
        #expect(bobReads.status == 0 && !bobReads.stderr.contains("read-only"), "\(bobReads.stderr)")

        let own = team.home(of: .alice).appendingPathComponent("own")
        let mine = try Person.alice.mlboard(["init", "--name", "Mine", "--dir", own.path], in: team)
        #expect(mine.status == 0 && !mine.stdout.contains("shared"), "\(mine.stdout)")
        let config = try String(contentsOf: own.appendingPathComponent("workspace.yml"), encoding: .utf8)
        #expect(!config.contains("shared: group"))
    }

    @Test("doctor names a file the group cannot write and what to run; --fix by its owner mends it")
    func doctorOnModes() throws {
        let team = try TeamFolder()
        defer { team.cleanUp() }
        try team.startWorkspace()
        let journal = team.directory.journalURL.path
        chmod(journal, 0o644)  // as an older build, or a hand-made copy, would leave it
        let refused = try Person.bob.mlboard(["comment", "--project", "churn", "hi"], in: team)
        #expect(refused.status == 3 && refused.stderr.contains("permission denied"), "\(refused.stderr)")
        let found = try Person.bob.mlboard(["doctor"], in: team)
        #expect(found.status == 3, "\(found.stdout)")
        #expect(found.stdout.contains("journal.jsonl: every member must read and write it") && found.stdout.contains("chmod g+rw"),
                "\(found.stdout)")
        let notMine = try Person.bob.mlboard(["doctor", "--fix"], in: team)
        #expect(notMine.status == 3, "bob does not own the journal, so --fix leaves it: \(notMine.stdout)")
        let fixed = try Person.alice.mlboard(["doctor", "--fix"], in: team)
        #expect(fixed.status == 0 && fixed.stdout.contains("fixed: mode set to"), "\(fixed.stdout)")
        #expect(try Person.bob.mlboard(["comment", "--project", "churn", "hi"], in: team).status == 0)
    }

    @Test("permission problems say 'permission denied' with the path and the user")
    func permissionMessages() throws {
        let team = try TeamFolder()
        defer { team.cleanUp() }
        let privateFolder = team.home(of: .alice).appendingPathComponent("ws")
        #expect(try Person.alice.mlboard(["init", "--dir", privateFolder.path], in: team).status == 0)
        chmod(team.home(of: .alice).path, 0o755)  // bob can reach the folder but not read it
        chmod(privateFolder.path, 0o700)
        let denied = try Person.bob.mlboard(["status", "--dir", privateFolder.path], in: team)
        #expect(denied.status == 3)
        #expect(denied.stderr.contains("permission denied") && denied.stderr.contains(privateFolder.path)
                && denied.stderr.contains("42422"), "\(denied.stderr)")

        chmod(privateFolder.path, 0o755)
        chmod(privateFolder.appendingPathComponent("workspace.yml").path, 0o600)
        let config = try Person.bob.mlboard(["status", "--dir", privateFolder.path], in: team)
        #expect(config.status == 3 && config.stderr.contains("permission denied") && config.stderr.contains("workspace.yml"), "\(config.stderr)")

        chmod(privateFolder.appendingPathComponent("workspace.yml").path, 0o644)
        let readOnly = try Person.bob.mlboard(["comment", "--dir", privateFolder.path, "--project", "x", "hi"], in: team)
        #expect(readOnly.status == 3 && readOnly.stderr.contains("read-only") && readOnly.stderr.contains("permission denied"), "\(readOnly.stderr)")
    }

    /// Bytes after the last line, as a writer that crashed mid-write leaves them.
    private func appendTornTail(_ team: TeamFolder) throws {
        let journal = try FileHandle(forUpdating: team.directory.journalURL)
        defer { try? journal.close() }
        let bytes = try journal.readToEnd() ?? Data()
        let end = bytes.firstIndex(of: 0) ?? bytes.count
        try journal.seek(toOffset: UInt64(end))
        journal.write(Data("{\"actor\":{\"handle\":\"torn".utf8))
    }
}
