import TestSupport
import Foundation
import Testing

/// Nothing the command line prints may drive the terminal: a workspace's configuration is held
/// to the rules of entity text, and every text printed for people is sanitised.
@Suite("What the command line prints is safe for a terminal")
struct TerminalSafetyTests {
    static let escape = "\u{1B}"
    static let osc52 = "\u{1B}]52;c;cm0gLXJmIH4=\u{07}"

    /// An export of the team workspace with its configuration changed by `edit`, written to FILE.
    private func editedExport(_ cli: CLIHarness, _ edit: (inout [String: Any]) -> Void) throws -> String {
        try cli.expectSuccess("export", "--out", "out", as: "ada")
        let url = cli.root.appendingPathComponent("out/mlboard-export.json")
        var document = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        var workspace = document["workspace"] as! [String: Any]
        edit(&workspace)
        document["workspace"] = workspace
        try JSONSerialization.data(withJSONObject: document).write(to: url)
        return url.path
    }

    private func expectNoControlBytes(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let raw = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F || $0.value == 0x202E }
        #expect(raw.isEmpty, "raw control characters reached the terminal: \(raw.map { String($0.value, radix: 16) })",
                sourceLocation: sourceLocation)
    }

    @Test("an export whose workspace name holds ESC [2J is refused by import --create, naming field and character, and leaves nothing")
    func escapeInWorkspaceName() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        let file = try editedExport(cli) { $0["name"] = "WS \(Self.escape)[2J" }
        let target = cli.root.appendingPathComponent("copy")
        let outcome = try cli.run("import", file, "--create", "--dir", target.path)
        #expect(outcome.status == 2, "\(outcome.stdout) \(outcome.stderr)")
        #expect(outcome.stderr.contains("name") && outcome.stderr.contains("U+001B"), "\(outcome.stderr)")
        expectNoControlBytes(outcome.stderr)
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test("a role holding U+202E is refused by import --create")
    func bidiOverrideInRole() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        let file = try editedExport(cli) { workspace in
            workspace["roles"] = (workspace["roles"] as! [String]) + ["reviewer \u{202E}nimda"]
        }
        let target = cli.root.appendingPathComponent("copy")
        let outcome = try cli.run("import", file, "--create", "--dir", target.path)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("roles[") && outcome.stderr.contains("U+202E"), "\(outcome.stderr)")
        expectNoControlBytes(outcome.stderr)
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test("an import --create that a rule refuses leaves no workspace.yml, no folder behind")
    func failedCreateLeavesNothing() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        // Its stakeholders hold roles the configuration no longer lists, so the replay is refused.
        let file = try editedExport(cli) { $0["roles"] = ["auditor"] }
        let target = cli.root.appendingPathComponent("new/copy")
        let outcome = try cli.run("import", file, "--create", "--dir", target.path)
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("workspace.yml").path))
        #expect(!FileManager.default.fileExists(atPath: cli.root.appendingPathComponent("new").path))
    }

    @Test("import errors do not echo an OSC 52 clipboard write from a CSV row")
    func importErrorIsSanitised() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        let csv = "handle,name,role,email,approves\r\neve,Eve,\"\(Self.osc52)\",,\r\n"
        try Data(csv.utf8).write(to: cli.root.appendingPathComponent("stakeholders.csv"))
        let outcome = try cli.run("import", "stakeholders.csv", as: "ada")
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("^[]52;c;"), "\(outcome.stderr)")
        expectNoControlBytes(outcome.stderr)
    }

    @Test("error messages do not echo control characters from arguments (--as, names, parser errors)")
    func argumentsAreSanitisedInErrors() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        for arguments in [
            ["comment", "--project", "churn", "hello", "--as", "lead\(Self.escape)[2J"],
            ["project", "show", "x\(Self.escape)[2J"],
            ["status", "--frobnicate\(Self.escape)[2J"],
        ] {
            let outcome = try cli.run(arguments)
            #expect(outcome.status != 0)
            #expect(outcome.stderr.contains("^[[2J"), "\(arguments): \(outcome.stderr)")
            expectNoControlBytes(outcome.stderr)
            expectNoControlBytes(outcome.stdout)
        }
    }

    @Test("a workspace.yml edited to hold ESC is refused by status and report, naming field and character")
    func escapeInConfigurationFile() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        let config = cli.dataDirectory.appendingPathComponent("workspace.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "name: Acme", with: "name: \"Acme \\e[2J\"")
        #expect(edited != text)
        try Data(edited.utf8).write(to: config)
        for arguments in [["status"], ["report", "--format", "markdown"], ["stakeholder", "list"]] {
            let outcome = try cli.run(arguments, as: "ada")
            #expect(outcome.status != 0, "\(arguments): \(outcome.stdout)")
            #expect(outcome.stderr.contains("U+001B"), "\(arguments): \(outcome.stderr)")
            expectNoControlBytes(outcome.stdout)
            expectNoControlBytes(outcome.stderr)
        }
    }
}
