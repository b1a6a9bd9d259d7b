import ArgumentParser
import BoardCore
import BoardReports
import Foundation

extension ReportFormat: ExpressibleByArgument {}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", _superCommandName: MLBoard.commandName,
        abstract: "Write a status report for leadership, as Markdown or a self-contained HTML page.",
        discussion: """
            Organisation-wide figures first, then one section per live project. The same data and \
            --now always give the same report.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Option(help: "markdown or html.") var format: ReportFormat = .markdown
    @Option(help: "Write the report to FILE instead of standard output.") var out: String?
    @Option(help: "Report on this project only (it may be archived).") var project: String?
    @Option(help: "The moment the report is made, as ISO 8601 (default: now), e.g. 2025-04-15T18:00:00Z.")
    var now: String?

    func run() throws {
        let moment = try now.map(ISO8601Argument.instant) ?? Instant(Date())
        let store = try workspace.openStore()
        if let project, store.state.projects[project] == nil {
            throw RuleViolation(.unknownEntity, "no project '\(project.prefix(80))'")
        }
        let text = StatusReportBuilder.render(store.state, now: moment, project: project, format: format)
        try OutputFile.write(text, to: out)
    }
}

enum ISO8601Argument {
    static func instant(_ text: String) throws -> Instant {
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds]] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return Instant(date) }
        }
        throw CLIFailure.usage("--now '\(text)' must be an ISO 8601 time such as 2025-04-15T18:00:00Z")
    }
}

/// Standard output, or a file written whole (a failed write is a usage error naming the path).
enum OutputFile {
    static func write(_ text: String, to path: String?) throws {
        guard let path else { return Console.write(text) }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIFailure.usage("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
