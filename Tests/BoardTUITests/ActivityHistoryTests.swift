import BoardCore
import BoardDemo
import Testing
@testable import BoardTUI

/// The Activity pane lists every event since the journal began, not just those the state keeps.
@Suite("The whole activity history")
struct ActivityHistoryTests {
    @Test("G goes to the first event of all, and the count says how many there are")
    func bottomIsTheFirstEvent() {
        let (dashboard, _) = DemoDashboard.make()
        let total = DemoDashboard.built.records.count
        #expect(total > BoardState.activityLimit, "the demo has more events than the state keeps")
        DemoDashboard.press(dashboard, .character("7"), .character("G"))
        #expect(dashboard.ui.selected(.activity) == total - 1)
        let screen = dashboard.render(width: 120, height: 40).text
        #expect(screen.contains("/\(total)"), "the position shows the whole count:\n\(screen)")
        #expect(screen.contains("     1 "), "the first event's number is shown")
    }

    @Test("/ matches the # and When columns too")
    func filterMatchesNumberAndTime() throws {
        let (dashboard, _) = DemoDashboard.make()
        let records = DemoDashboard.built.records
        let old = try #require(records.first { $0.sequence == 17 })
        DemoDashboard.press(dashboard, .character("7"), .character("/"))
        DemoDashboard.type(dashboard, "#17")
        let numbered = dashboard.rows.activity.map(\.sequence)
        #expect(numbered.contains(17), "#17 finds event 17")
        #expect(numbered.allSatisfy { "#\($0)".hasPrefix("#17") }, "and only events whose number starts with 17: \(numbered)")
        dashboard.handle(.escape)
        dashboard.handle(.character("/"))
        DemoDashboard.type(dashboard, old.at.iso8601)
        let found = dashboard.rows.activity
        #expect(found.contains { $0.sequence == 17 }, "the time of event 17 finds it")
        #expect(found.allSatisfy { $0.at.iso8601 == old.at.iso8601 })
    }

    @Test("new events join the whole history at the top")
    func newEventsJoin() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        dashboard.handle(.character("7"))
        let before = dashboard.rows.activity.count
        let project = try #require(workspace.state.projects.keys.sorted().first)
        try workspace.run(.comment(on: .project(project), body: "hello"), now: DemoWorkspace.now)
        #expect(dashboard.rows.activity.count == before + 1)
        #expect(dashboard.rows.activity.first?.sequence == workspace.state.lastSequence)
        #expect(dashboard.rows.activity.last?.sequence == 1)
    }
}
