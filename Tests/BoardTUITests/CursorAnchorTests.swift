import BoardCore
import BoardDemo
import Testing
@testable import BoardTUI

/// The cursor stays on its item, not its row number, when the list changes under it.
@Suite("The cursor follows its item")
struct CursorAnchorTests {
    @Test("a project created elsewhere that sorts above the selected one leaves the cursor on the same project")
    func projectListReorders() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        DemoDashboard.press(dashboard, .character("2"), .character("j"), .character("j"))
        let chosen = try #require(dashboard.selectedProject?.slug)
        _ = dashboard.render(width: 120, height: 40)
        try Self.elsewhere(workspace, dashboard, .createProject(NewProject(slug: "aaa-first", name: "AAA first", goal: workspace.state.config.businessGoals[0])))
        _ = dashboard.render(width: 120, height: 40)
        #expect(dashboard.selectedProject?.slug == chosen)
        #expect(dashboard.ui.selected(.projects) == 3)
    }

    @Test("new events arriving at the top of Activity leave the cursor on the same event")
    func activityGrows() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        DemoDashboard.press(dashboard, .character("7"), .character("j"), .character("j"))
        let chosen = dashboard.rows.activity[2].sequence
        _ = dashboard.render(width: 120, height: 40)
        let project = try #require(workspace.state.projects.keys.sorted().first)
        try Self.elsewhere(workspace, dashboard, .comment(on: .project(project), body: "one"))
        try Self.elsewhere(workspace, dashboard, .comment(on: .project(project), body: "two"))
        _ = dashboard.render(width: 120, height: 40)
        #expect(dashboard.rows.activity[dashboard.ui.selected(.activity)].sequence == chosen)
    }

    @Test("clearing the filter keeps the cursor on the item it was on")
    func clearingFilterKeepsItem() throws {
        let (dashboard, _) = DemoDashboard.make()
        DemoDashboard.press(dashboard, .character("5"), .character("/"))
        DemoDashboard.type(dashboard, "fraud")
        DemoDashboard.press(dashboard, .enter, .character("j"))
        let chosen = try #require(dashboard.selectedChallenge?.id)
        dashboard.handle(.escape)
        #expect(dashboard.ui.filter.isEmpty)
        #expect(dashboard.selectedChallenge?.id == chosen)
    }

    /// Runs `command` as if another process had, and tells the dashboard.
    static func elsewhere(_ workspace: MemoryWorkspace, _ dashboard: Dashboard, _ command: Command) throws {
        try workspace.run(command, now: DemoWorkspace.now)
        let event = try #require(workspace.lastEvent)
        dashboard.remoteChangesArrived([EventRecord(sequence: workspace.state.lastSequence, at: DemoWorkspace.now,
                                                    actor: Actor(handle: "someone", osUser: "x"), event: event)])
    }
}
