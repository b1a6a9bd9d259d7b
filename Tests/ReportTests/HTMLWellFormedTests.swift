import BoardCore
import BoardDemo
@testable import BoardReports
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite("The HTML report is well-formed XML")
struct HTMLWellFormedTests {
    /// Parses `text` as XML and returns the first error, or nil.
    static func parseError(_ text: String) -> String? {
        let parser = XMLParser(data: Data(text.utf8))
        return parser.parse() ? nil : "\(parser.parserError.map { "\($0)" } ?? "unknown") at line \(parser.lineNumber)"
    }

    @Test("the demo's HTML report parses as XML")
    func demoParses() {
        let html = StatusReportBuilder.render(DemoReportTests.demo, now: DemoWorkspace.now, format: .html)
        #expect(Self.parseError(html) == nil)
        #expect(html.contains("@media print"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").count == 2)  // only the XHTML namespace
    }

    @Test("hostile text is escaped and the page still parses")
    func hostileText() {
        var state = DemoReportTests.demo
        let slug = state.liveProjects[0].slug
        state.projects[slug]?.name = "<script>alert('x')</script> & \"quotes\" | pipes ]]>"
        state.projects[slug]?.description = "line one\nline two <b>not bold</b>"
        let html = StatusReportBuilder.render(state, now: DemoWorkspace.now, format: .html)
        #expect(Self.parseError(html) == nil)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        let markdown = StatusReportBuilder.render(state, now: DemoWorkspace.now, format: .markdown)
        #expect(markdown.contains("\\<script\\>"))
    }

    @Test("escaping covers the five XML specials and drops control characters")
    func escaper() {
        #expect(HTMLEscape.text("a<b>&\"'\u{1}c") == "a&lt;b&gt;&amp;&quot;&#39;c")
    }

    @Test("Markdown table cells escape pipes")
    func markdownPipes() {
        var state = DemoReportTests.demo
        let challenge = state.openChallenges.first { $0.project != nil }!
        state.challenges[challenge.id]?.title = "a | b"
        let markdown = StatusReportBuilder.render(state, now: DemoWorkspace.now, format: .markdown)
        #expect(markdown.contains("a \\| b"))
    }

    @Test("bars scale to the largest value and never vanish for a non-zero value")
    func bars() {
        let lines = TextBarChart.lines([ReportBar(label: "a", value: 10), ReportBar(label: "bb", value: 1)], width: 10)
        #expect(lines == ["a   ██████████ 10", "bb  █ 1"])
    }
}
