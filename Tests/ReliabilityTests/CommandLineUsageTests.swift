import TestSupport
import Foundation
import Testing

@Suite("The command line given wrong arguments")
struct CommandLineUsageTests {
    static let wrong: [[String]] = [
        ["no-such-command"],
        ["--no-such-option"],
        ["status", "--no-such-option"],
        ["status", "unexpected-positional"],
        ["project", "create"],
        ["project", "no-such-subcommand"],
        ["project", "create", "churn", "--name"],
        ["comment"],
        ["comment", "--project"],
        ["debug-append", "--project", "churn", "--count", "many"],
        ["demo", "--no-tui", "--size", "3"],
        ["demo", "--no-tui", "--size", "-x"],
        ["log", "--limit", "ten"],
        ["init", "--name"],
        ["--dir"],
        ["stakeholder", "add"],
        ["approve"],
        ["promote"],
    ]

    @Test("exits 2 with a usage message", arguments: wrong)
    func usage(arguments: [String]) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-rel-usage-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        var environment = HermeticEnvironment.current()
        environment["XDG_STATE_HOME"] = root.appendingPathComponent("state").path
        environment["XDG_DATA_HOME"] = root.appendingPathComponent("share").path
        let outcome = try Binary.run(arguments, environment: environment, currentDirectory: root)
        #expect(outcome.status == 2, "mlboard \(arguments.joined(separator: " ")) exited \(outcome.status): \(outcome.stderr)")
        #expect(outcome.stderr.contains("Usage:") || outcome.stderr.contains("usage"),
                "mlboard \(arguments.joined(separator: " ")) printed no usage: \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty, "nothing on stdout: \(outcome.stdout)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".mlboard").path), "nothing was created")
    }
}
