import BoardCore

/// Lays a report out as GitHub-flavoured Markdown.
enum MarkdownRenderer {
    static func render(_ document: ReportDocument) -> String {
        var lines = ["# \(inline(document.title))", ""]
        for block in document.blocks {
            lines += lay(block)
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private static func lay(_ block: ReportBlock) -> [String] {
        switch block {
        case .heading(let level, let text):
            return [String(repeating: "#", count: level) + " " + inline(text)]
        case .paragraph(let text):
            return [inline(text)]
        case .facts(let facts):
            return facts.map { "- **\(inline($0.label)):** \(inline($0.value))" }
        case .table(let table):
            guard !table.rows.isEmpty else { return ["_\(inline(table.emptyText))_"] }
            return [row(table.headers), row(table.headers.map { _ in "---" })] + table.rows.map(row)
        case .barChart(let bars):
            return ["```text"] + TextBarChart.lines(bars) + ["```"]
        }
    }

    private static func row(_ cells: [String]) -> String {
        "| " + cells.map(cell).joined(separator: " | ") + " |"
    }

    /// A table cell: pipes escaped, line breaks kept as <br>.
    static func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "|", with: "\\|")
    }

    /// Text on one line, with the characters that would start Markdown markup escaped.
    static func inline(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\n": result += "<br>"
            case "\r": continue
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#": result += "\\\(character)"
            default: result.append(character)
            }
        }
        return result
    }
}
