import TestSupport
import Foundation
import Testing

@Suite("Export, import and report through the real binary")
struct ExchangeCommandTests {
    /// A demo workspace in ./demo (its clock shifted to now, as `mlboard demo` does).
    static func demo(name: String = #function) throws -> CLIHarness {
        let cli = try CLIHarness(name: name)
        try cli.expectSuccess("demo", "--no-tui", "--dir", cli.root.appendingPathComponent("demo").path)
        return cli
    }

    @Test("export JSON, import it into an empty workspace, export again: the same bytes but for the approvals' signatures, which a replay cannot keep")
    func roundTrip() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        let original = cli.root.appendingPathComponent("demo").path
        let copy = cli.root.appendingPathComponent("copy").path
        try cli.expectSuccess("export", "--format", "json", "--out", "first", "--dir", original)
        let first = cli.root.appendingPathComponent("first/mlboard-export.json")

        let dry = try cli.run("import", first.path, "--create", "--dry-run", "--dir", copy)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("Would import") && dry.stdout.contains("approvals"))
        #expect(!FileManager.default.fileExists(atPath: copy))

        let imported = try cli.run("import", first.path, "--create", "--dir", copy)
        #expect(imported.status == 0, "\(imported.stderr)")
        try cli.expectSuccess("export", "--format", "json", "--out", "second", "--dir", copy)
        let second = cli.root.appendingPathComponent("second/mlboard-export.json")
        let signed = try String(contentsOf: first, encoding: .utf8)
        let replayed = try String(contentsOf: second, encoding: .utf8)
        // The demo's approvals are signed; the replay writes new lines that nobody but their
        // authors could sign (the journal export keeps them: SignedExchangeTests).
        #expect(signed.contains("\"verified\"") && !replayed.contains("\"verified\""))
        let before = try Self.withoutSignatures(signed)
        let after = try Self.withoutSignatures(replayed)
        #expect(before == after)
        if before != after {
            let pairs = zip(before.components(separatedBy: "\n"), after.components(separatedBy: "\n")).enumerated()
            let firstDifference = pairs.first { $0.element.0 != $0.element.1 }
            Issue.record("first difference at line \((firstDifference?.offset ?? 0) + 1): \(firstDifference?.element ?? ("", ""))")
        }
        let verify = try cli.run("verify", "--dir", copy)
        #expect(verify.status == 0)
    }

    /// The export with every "signature" field taken out, printed as the export prints.
    static func withoutSignatures(_ text: String) throws -> String {
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter { $0.key != "signature" }.mapValues(strip)
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        let stripped = strip(try JSONSerialization.jsonObject(with: Data(text.utf8)))
        let data = try JSONSerialization.data(withJSONObject: stripped, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    @Test("a JSON export needs a workspace without events (exit 2), and a missing file is a usage error (2)")
    func jsonIntoUsedWorkspace() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        try cli.expectSuccess("export", "--out", "out", as: "ada")
        let again = try cli.run("import", "out/mlboard-export.json", as: "ada")
        #expect(again.status == 2)
        #expect(again.stderr.contains("no events yet"))
        #expect(try cli.run("import", "nope.csv", as: "ada").status == 2)
    }

    @Test("a CSV with a bad row writes nothing; the message names file, row, column and rule (exit 1)")
    func badCSVRow() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        let csv = """
            slug,name,goal,cadence,description\r
            fraud,Fraud scoring,risk management,weekly,"Scores card payments, nightly"\r
            "pricing","Dynamic ""smart"" pricing",world domination,monthly,\r
            ltv,Lifetime value,decision making,,\r

            """
        let file = cli.root.appendingPathComponent("projects.csv")
        try Data(csv.utf8).write(to: file)
        let journal = cli.dataDirectory.appendingPathComponent("journal.jsonl")
        let before = try Data(contentsOf: journal)
        for arguments in [["import", "projects.csv"], ["import", "projects.csv", "--dry-run"]] {
            let outcome = try cli.run(arguments, as: "ada")
            #expect(outcome.status == 1)
            #expect(outcome.stderr.contains("projects.csv, row 3, column goal: rule unknown-vocabulary"), "\(outcome.stderr)")
            #expect(outcome.stderr.contains("Nothing was imported"))
        }
        #expect(try Data(contentsOf: journal) == before)
    }

    @Test("CSV imports of stakeholders, projects and challenges: dry run writes nothing, then all land")
    func goodCSV() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        try Data("handle,name,role,approvalStages\r\ndee,Dee,data engineer,staging\r\n".utf8)
            .write(to: cli.root.appendingPathComponent("people.csv"))
        try Data("slug,name,goal,status\r\nfraud,\"Fraud, scoring\",risk management,on-hold\r\n".utf8)
            .write(to: cli.root.appendingPathComponent("projects.csv"))
        try Data("project,category,severity,title,owner,status,resolution\r\nfraud,low data quality,high,Labels late,dee,resolved,Backfilled\r\n".utf8)
            .write(to: cli.root.appendingPathComponent("challenges.csv"))
        let files = ["challenges.csv", "projects.csv", "people.csv"]
        let journal = cli.dataDirectory.appendingPathComponent("journal.jsonl")
        let before = try Data(contentsOf: journal)
        let dry = try cli.run(["import"] + files + ["--dry-run"], as: "ada")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("1 stakeholders") && dry.stdout.contains("1 projects") && dry.stdout.contains("1 challenges"))
        #expect(try Data(contentsOf: journal) == before)
        let real = try cli.run(["import"] + files, as: "ada")
        #expect(real.status == 0, "\(real.stderr)")
        try cli.expectSuccess("export", "--format", "csv", "--out", "csv", as: "ada")
        let challenges = try String(contentsOf: cli.root.appendingPathComponent("csv/challenges.csv"), encoding: .utf8)
        #expect(challenges.contains("CH-1,fraud,low data quality,high,dee,resolved,Labels late,,Backfilled"))
        let projects = try String(contentsOf: cli.root.appendingPathComponent("csv/projects.csv"), encoding: .utf8)
        #expect(projects.hasPrefix("slug,name,description,goal,"))
        #expect(projects.contains("fraud,\"Fraud, scoring\",,risk management,"))
        #expect(projects.contains("\r\n"))
        for name in ["projects", "stakeholders", "assignments", "models", "versions", "requests", "challenges", "comments"] {
            #expect(FileManager.default.fileExists(atPath: cli.root.appendingPathComponent("csv/\(name).csv").path))
        }
    }

    @Test("export: exit 2 for CSV without a folder, 3 without a workspace")
    func exportExitCodes() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        #expect(try cli.run("export", "--format", "csv", as: "ada").status == 2)
        let json = try cli.json("export", as: "ada") as? [String: Any]
        #expect(json?["format"] as? String == "mlboard-export")
        #expect(json?["version"] as? Int == 1)
        let empty = try CLIHarness()
        defer { empty.cleanUp() }
        #expect(try empty.run("export").status == 3)
        #expect(try empty.run("import", "x.csv").status == 2)
        try Data("slug,name,goal\r\n".utf8).write(to: empty.root.appendingPathComponent("projects.csv"))
        #expect(try empty.run("import", "projects.csv").status == 3)
    }

    @Test("report: Markdown to stdout, HTML to a file, exit 1 for an unknown project, 2 for a bad --now, 3 without a workspace")
    func reportExitCodes() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        let markdown = try cli.run("report", "--now", "2025-04-15T18:00:00Z", as: "ada")
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("# Status report: Acme"))
        #expect(markdown.stdout.contains("As of 2025-04-15 18:00 UTC"))
        let html = try cli.run("report", "--format", "html", "--out", "r.html", "--project", "churn", as: "ada")
        #expect(html.status == 0)
        let page = try String(contentsOf: cli.root.appendingPathComponent("r.html"), encoding: .utf8)
        #expect(page.contains("<h3>Churn (churn)</h3>"))
        #expect(try cli.run("report", "--project", "nope", as: "ada").status == 1)
        #expect(try cli.run("report", "--now", "yesterday", as: "ada").status == 2)
        let empty = try CLIHarness()
        defer { empty.cleanUp() }
        #expect(try empty.run("report").status == 3)
    }

    @Test("completion scripts for bash, zsh and fish, and the manual page", arguments: ["bash", "zsh", "fish"])
    func completions(shell: String) throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let script = try cli.run("--generate-completion-script", shell)
        #expect(script.status == 0)
        #expect(script.stdout.contains("report") && script.stdout.contains("import"))
        let manual = try cli.run("help-man")
        #expect(manual.status == 0)
        #expect(manual.stdout.hasPrefix(".TH MLBOARD 1"))
        #expect(manual.stdout.contains(".SS report"))
    }
}
