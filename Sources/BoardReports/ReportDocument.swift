import BoardCore

/// A report as a list of blocks, so the Markdown and HTML forms say exactly the same things.
struct ReportDocument: Equatable, Sendable {
    var title: String
    var blocks: [ReportBlock]

    init(title: String, blocks: [ReportBlock]) {
        self.title = title
        self.blocks = blocks
    }
}

enum ReportBlock: Equatable, Sendable {
    case heading(level: Int, text: String)
    case paragraph(String)
    /// Label and value pairs, shown as a definition list.
    case facts([ReportFact])
    case table(ReportTable)
    case barChart([ReportBar])
}

struct ReportFact: Equatable, Sendable {
    var label: String
    var value: String

    init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

struct ReportTable: Equatable, Sendable {
    var headers: [String]
    var rows: [[String]]
    /// Said instead of an empty table.
    var emptyText: String

    init(headers: [String], rows: [[String]], emptyText: String) {
        self.headers = headers
        self.rows = rows
        self.emptyText = emptyText
    }
}

struct ReportBar: Equatable, Sendable {
    var label: String
    var value: Int

    init(label: String, value: Int) {
        self.label = label
        self.value = value
    }
}

public enum ReportFormat: String, CaseIterable, Sendable {
    case markdown, html
}

/// The status report for leadership: pure, so the same state and `now` give the same text.
public enum StatusReportBuilder {
    public static func render(_ state: BoardState, now: Instant, project: String? = nil, format: ReportFormat) -> String {
        let document = ReportContent(state: state, now: now).document(onlyProject: project)
        switch format {
        case .markdown: return MarkdownRenderer.render(document)
        case .html: return HTMLRenderer.render(document)
        }
    }
}
