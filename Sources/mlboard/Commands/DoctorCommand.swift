import ArgumentParser
import BoardStore
import Foundation

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", _superCommandName: MLBoard.commandName,
        abstract: "Check the data directory's files, modes, groups, links, free space and locks, and say what to run for each problem.",
        discussion: "Exits 0 when nothing is wrong, 3 when something is (after --fix, when something is left).")

    @OptionGroup var workspace: WorkspaceOptions
    @Flag(help: "Also do what is safe: set modes and groups of files you own, remove old snapshots, leftovers and planted links.")
    var fix = false
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        guard case .folder(let directory) = try workspace.location() else {
            throw CLIFailure.usage("mlboard doctor examines a shared folder's files; this workspace is on a server (check it with 'mlboard verify')")
        }
        var findings = try WorkspaceDoctor.examine(directory, environment: workspace.environment)
        if fix { findings = try WorkspaceDoctor.fix(findings, in: directory) }
        if json {
            try Console.printJSON(findings)
        } else if findings.isEmpty {
            Console.say("\(directory.path): no problems found")
        } else {
            for finding in findings {
                Console.say("PROBLEM: \(finding.path): \(finding.problem)")
                if let repaired = finding.repaired {
                    Console.say("  fixed: \(repaired)")
                } else {
                    Console.say("  to fix: \(finding.advice)\(finding.repair != nil && !fix ? " (or run 'mlboard doctor --fix')" : "")")
                }
            }
        }
        let left = findings.filter { $0.repaired == nil || $0.repaired!.hasPrefix("not repaired") }
        if !left.isEmpty { throw ExitCode(ExitStatus.dataDirectory) }
    }
}
