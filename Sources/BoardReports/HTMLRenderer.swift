import BoardCore

/// Lays a report out as one self-contained XHTML file: inline styles, no scripts, no links
/// out, every tag closed so XML tools can read it, and a print style sheet.
enum HTMLRenderer {
    static func render(_ document: ReportDocument) -> String {
        var out = [
            "<!DOCTYPE html>",
            "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\"/>",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>",
            "<title>\(HTMLEscape.text(document.title))</title>",
            "<style>\n\(styleSheet)</style>",
            "</head>",
            "<body>",
            "<h1>\(HTMLEscape.text(document.title))</h1>",
        ]
        for block in document.blocks { out += lay(block) }
        out += ["</body>", "</html>", ""]
        return out.joined(separator: "\n")
    }

    private static func lay(_ block: ReportBlock) -> [String] {
        switch block {
        case .heading(let level, let text):
            let tag = "h\(min(max(level, 1), 6))"
            return ["<\(tag)>\(HTMLEscape.text(text))</\(tag)>"]
        case .paragraph(let text):
            return ["<p>\(HTMLEscape.text(text))</p>"]
        case .facts(let facts):
            return ["<dl>"] + facts.map {
                "<dt>\(HTMLEscape.text($0.label))</dt><dd>\(HTMLEscape.text($0.value))</dd>"
            } + ["</dl>"]
        case .table(let table):
            guard !table.rows.isEmpty else { return ["<p class=\"empty\">\(HTMLEscape.text(table.emptyText))</p>"] }
            let head = "<thead><tr>" + table.headers.map { "<th>\(HTMLEscape.text($0))</th>" }.joined() + "</tr></thead>"
            let body = table.rows.map { row in
                "<tr>" + row.map { "<td>\(HTMLEscape.text($0))</td>" }.joined() + "</tr>"
            }
            return ["<table>", head, "<tbody>"] + body + ["</tbody>", "</table>"]
        case .barChart(let bars):
            return ["<pre class=\"chart\">" + TextBarChart.lines(bars).map(HTMLEscape.text).joined(separator: "\n") + "</pre>"]
        }
    }

    private static let styleSheet = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto; max-width: 72em; color: #1b1b1b; line-height: 1.4; }
        h1 { border-bottom: 2px solid #444; padding-bottom: 0.2em; }
        h2 { margin-top: 1.6em; border-bottom: 1px solid #999; }
        h3 { margin-top: 1.4em; }
        table { border-collapse: collapse; margin: 0.5em 0 1em; width: 100%; }
        th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
        th { background: #eee; }
        tbody tr:nth-child(even) { background: #f7f7f7; }
        dl { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        pre.chart { background: #f4f4f4; padding: 0.6em; overflow-x: auto; }
        p.empty { font-style: italic; color: #555; }
        @media print {
          body { margin: 0; max-width: none; font-size: 10pt; color: #000; }
          h2 { page-break-before: always; }
          h2:first-of-type { page-break-before: avoid; }
          h3, h4 { page-break-after: avoid; }
          table, pre, dl { page-break-inside: avoid; }
          tbody tr:nth-child(even), th, pre.chart { background: none; }
        }

        """
}
