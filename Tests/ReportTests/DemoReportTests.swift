import BoardCore
import BoardDemo
import BoardReports
import Foundation
import Testing

/// The demo workspace's reports against reviewed files. To accept a deliberate change, run the
/// tests with MLBOARD_RECORD_REPORTS=Tests/ReportTests/Expected, read the diff, and commit it.
@Suite("Status reports of the demo workspace")
struct DemoReportTests {
    static let demo = DemoWorkspace.build().state

    @Test("the Markdown and HTML reports match the reviewed expected files", arguments: [
        ("demo-report.md", ReportFormat.markdown, nil as String?),
        ("demo-report.html", .html, nil),
        ("demo-report-churn.md", .markdown, "churn-prediction"),
    ])
    func matchesExpected(file: String, format: ReportFormat, project: String?) throws {
        let actual = StatusReportBuilder.render(Self.demo, now: DemoWorkspace.now, project: project, format: format)
        if let folder = ProcessInfo.processInfo.environment["MLBOARD_RECORD_REPORTS"] {
            try Data(actual.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent(file))
        }
        let url = try #require(Bundle.module.url(forResource: "Expected/\(file)", withExtension: nil))
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(file) differs; see the test's comment to re-record")
    }

    @Test("the same state and moment give the same report, whatever the order the state was built in")
    func deterministic() {
        let first = StatusReportBuilder.render(Self.demo, now: DemoWorkspace.now, format: .html)
        let second = StatusReportBuilder.render(DemoWorkspace.build().state, now: DemoWorkspace.now, format: .html)
        #expect(first == second)
    }

    @Test("the report covers every live project and the organisation-wide figures")
    func coversEverything() {
        let text = StatusReportBuilder.render(Self.demo, now: DemoWorkspace.now, format: .markdown)
        for project in Self.demo.liveProjects { #expect(text.contains("(\(project.slug))")) }
        for heading in ["Projects by lifecycle step", "Models in production", "Approvals pending", "Overdue retraining",
                        "Open challenges by category and severity", "Team", "Versions by stage", "Recent decisions"] {
            #expect(text.contains(heading))
        }
        #expect(text.contains(DemoWorkspace.overdueProject))
    }

    @Test("the decisions list each approver's key, and say which approval is badly signed")
    func approversKeys() throws {
        var state = Self.demo
        let move = try #require(state.stageMoves.last { $0.request != nil && state.models[$0.version.model]?.project == "churn-prediction" })
        let id = try #require(move.request)
        let approvals = try #require(state.requests[id]?.approvals)
        state.requests[id]?.approvals[0].signature = .verified(fingerprint: "SHA256:approverkey")
        if approvals.count > 1 { state.requests[id]?.approvals[1].signature = .bad(reason: "signed with another key") }
        let text = StatusReportBuilder.render(state, now: DemoWorkspace.now, project: "churn-prediction", format: .markdown)
        #expect(text.contains("· signed with SHA256:approverkey"), "\(text)")
        if approvals.count > 1 { #expect(text.contains("· BAD signature, not counted: signed with another key")) }
        #expect(!StatusReportBuilder.render(Self.demo, now: DemoWorkspace.now, format: .markdown).contains("signed with"))
    }
}
