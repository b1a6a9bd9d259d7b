import ArgumentParser
import Foundation

struct HelpManCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "help-man", _superCommandName: MLBoard.commandName,
        abstract: "Print the manual page (roff), built from the same help text as --help.",
        discussion: "Install it with: mlboard help-man > ~/.local/share/man/man1/mlboard.1")

    func run() throws {
        print(ManualPage.roff(), terminator: "")
    }
}

/// The manual page, assembled from each command's own help so it cannot drift from --help.
enum ManualPage {
    static func roff() -> String {
        let root = MLBoard.configuration
        var lines = [
            ".TH MLBOARD 1 \"\" \"mlboard\" \"User Commands\"",
            ".SH NAME",
            "mlboard \\- \(escape(root.abstract))",
            ".SH SYNOPSIS",
            ".B mlboard",
            "[\\fB\\-\\-dir\\fR \\fIDIR\\fR] [\\fB\\-\\-as\\fR \\fIHANDLE\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR]",
            ".SH DESCRIPTION",
        ]
        lines += paragraphs(root.discussion)
        lines.append(".SH COMMANDS")
        for command in root.subcommands {
            let name = command.configuration.commandName ?? "\(command)"
            if name.hasPrefix("debug") { continue }
            lines += [".SS \(escape(name))", escape(command.configuration.abstract), ".PP", ".nf"]
            lines += helpBody(of: command).map(escapeLine)
            lines.append(".fi")
        }
        lines += [
            ".SH EXIT STATUS",
            "0 done, 1 a rule said no, 2 usage error, 3 data directory problem.",
            ".SH ENVIRONMENT",
            ".TP", ".B MLBOARD_DIR", "The data directory when \\-\\-dir is not given.",
            ".TP", ".B MLBOARD_USER", "The stakeholder handle to act as when \\-\\-as is not given.",
            ".SH FILES",
            ".TP", ".I .mlboard/workspace.yml", "The workspace configuration: vocabularies and promotion policy.",
            ".TP", ".I .mlboard/journal.jsonl", "The append-only, hash-chained journal of events.",
            ".SH SEE ALSO",
            "mlboard \\-\\-generate\\-completion\\-script bash|zsh|fish",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The help text after its abstract line: usage, arguments, options.
    private static func helpBody(of command: ParsableCommand.Type) -> [String] {
        let text = MLBoard.helpMessage(for: command, columns: 100)
        var lines = text.components(separatedBy: "\n")
        if let usage = lines.firstIndex(where: { $0.hasPrefix("USAGE:") }) { lines.removeFirst(usage) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    private static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.map(escapeLine)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
    }

    /// A line that starts with a dot or quote would be read as a request; \& stops that.
    static func escapeLine(_ line: String) -> String {
        let escaped = escape(line)
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }
}
