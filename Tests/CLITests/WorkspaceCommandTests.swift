import TestSupport
import Foundation
import Testing

@Suite("Workspace commands through the real binary")
struct WorkspaceCommandTests {
    @Test("init creates ./.mlboard with the caller as lead; a second init is a data-directory error (3)")
    func initTwice() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let first = try cli.run("init", "--name", "Acme", as: "ada")
        #expect(first.status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.dataDirectory.appendingPathComponent("workspace.yml").path))
        let people = try cli.json("stakeholder", "list", "--json") as? [[String: Any]]
        #expect(people?.first?["handle"] as? String == "ada")
        #expect(people?.first?["isLead"] as? Bool == true)
        let second = try cli.run("init", as: "ada")
        #expect(second.status == 3)
        #expect(second.stderr.contains("already holds"))
    }

    @Test("no workspace anywhere is exit 3 with a message saying how to make one")
    func missingDirectory() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let outcome = try cli.run("status")
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("mlboard init"))
    }

    @Test("usage errors exit 2 with a usage message", arguments: [
        ["bogus"], ["status", "--nope"], ["promote", "churn-model:x", "--to", "staging", "--reason", "r"],
        ["assign", "churn", "data access", "bob", "Z"], ["project", "create", "p"], ["demo", "--size", "3", "--no-tui"],
        ["comment", "hello"],
    ])
    func usageErrors(arguments: [String]) throws {
        let cli = try CLIHarness.withTeam(name: "usage\(arguments.first ?? "")")
        defer { cli.cleanUp() }
        let outcome = try cli.run(arguments, as: "ada")
        #expect(outcome.status == 2)
        #expect(outcome.stderr.lowercased().contains("usage") || outcome.stderr.contains("Error"))
    }

    @Test("help and usage errors name the whole command path", arguments: [
        (["status", "--help"], "USAGE: mlboard status [--dir <dir>]"),
        (["project", "create", "--help"], "USAGE: mlboard project create [<options>] <slug>"),
        (["project", "--help"], "USAGE: mlboard project <subcommand>"),
        (["help", "verify"], "USAGE: mlboard verify"),
        (["--help"], "USAGE: mlboard <subcommand>"),
        (["status", "--nope"], "Usage: mlboard status [--dir <dir>]"),
        (["project", "create"], "Usage: mlboard project create [<options>] <slug>"),
    ])
    func commandPathInHelp(arguments: [String], expected: String) throws {
        let cli = try CLIHarness(name: "help\(arguments.joined())")
        defer { cli.cleanUp() }
        let outcome = try cli.run(arguments)
        #expect(outcome.status == (expected.hasPrefix("USAGE") ? 0 : 2))
        #expect((outcome.stdout + outcome.stderr).contains(expected), "\(outcome.stdout)\(outcome.stderr)")
    }

    @Test("--dir and --as may come before the subcommand")
    func globalOptionsFirst() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        let outcome = try cli.run(["--dir", cli.dataDirectory.path, "--as", "bob", "status", "--json"])
        #expect(outcome.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        #expect(object?["you"] as? String == "bob")
    }

    @Test("status --json has the documented shape")
    func statusJSON() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        let status = try cli.json("status", "--json", as: "ada") as? [String: Any]
        let keys = Set(status?.keys.map { $0 } ?? [])
        #expect(keys == ["workspace", "you", "lastSequence", "projects", "modelsInProduction", "models",
                         "pendingRequests", "overdueProjects", "openChallengesBySeverity", "openChallengesByCategory"])
        let projects = status?["projects"] as? [[String: Any]]
        #expect(projects?.first?["slug"] as? String == "churn")
        #expect(status?["workspace"] as? String == "Acme")
    }

    @Test("log prints every event in order, as text and as JSON lines")
    func log() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        let text = try cli.run("log")
        #expect(text.status == 0)
        #expect(text.stdout.split(separator: "\n").count == 4)
        #expect(text.stdout.contains("created project churn"))
        let lines = try cli.run("log", "--json").stdout.split(separator: "\n")
        let types = try lines.map { line -> String in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["type"] as? String ?? ""
        }
        #expect(types == ["stakeholderAdded", "stakeholderAdded", "stakeholderAdded", "projectCreated"])
    }

    @Test("log --follow prints events another process appends")
    func logFollow() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        let follower = Process()
        follower.executableURL = CLIHarness.binary
        follower.arguments = ["log", "--follow", "--limit", "0"]
        follower.environment = cli.environment
        follower.currentDirectoryURL = cli.root
        let out = Pipe()
        follower.standardOutput = out
        try follower.run()
        defer { kill(follower.processIdentifier, SIGKILL); follower.waitUntilExit() }
        Thread.sleep(forTimeInterval: 0.5)
        try cli.expectSuccess("comment", "--project", "churn", "from elsewhere", as: "bob")
        var seen = ""
        let deadline = Date().addingTimeInterval(15)
        while !seen.contains("commented on project churn") && Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            seen += String(decoding: chunk, as: UTF8.self)
        }
        #expect(seen.contains("bob: commented on project churn"))
    }

    @Test("verify passes on a good journal; a damaged one exits 3 naming the sequence number")
    func verify() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        for index in 1...4 { try cli.expectSuccess("comment", "--project", "churn", "note \(index)", as: "ada") }
        let good = try cli.run("verify")
        #expect(good.status == 0)
        #expect(good.stdout.contains("verify passed"))
        let journal = cli.dataDirectory.appendingPathComponent("journal.jsonl")
        var text = try String(contentsOf: journal, encoding: .utf8)
        text = text.replacingOccurrences(of: "note 2", with: "note X")
        try Data(text.utf8).write(to: journal)
        let bad = try cli.run("verify")
        #expect(bad.status == 3)
        #expect(bad.stdout.contains("sequence 6"))
        let status = try cli.run("status")
        #expect(status.status == 3)
        #expect(status.stderr.contains("sequence 6"))
    }

    @Test("compact writes a snapshot that verify finds in agreement")
    func compact() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        let outcome = try cli.run("compact", as: "ada")
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("sequence 4"))
        let verify = try cli.json("verify", "--json") as? [String: Any]
        #expect((verify?["snapshot"] as? String)?.hasPrefix("agrees") == true)
    }

    @Test("demo --no-tui builds the demo workspace once and says where")
    func demo() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let directory = cli.root.appendingPathComponent("demo").path
        let first = try cli.run("demo", "--no-tui", "--dir", directory)
        #expect(first.status == 0)
        #expect(first.stdout.contains("Created the demo workspace"))
        let status = try cli.json("status", "--json", "--dir", directory, as: "priya") as? [String: Any]
        #expect((status?["projects"] as? [Any])?.count ?? 0 >= 8)
        #expect(try cli.run("verify", "--dir", directory).status == 0)
        let second = try cli.run("demo", "--no-tui", "--dir", directory)
        #expect(second.status == 0)
        #expect(second.stdout.contains("already exists"))
    }
}
