import BoardCore
import BoardDemo
import Testing
@testable import BoardTUI

/// What a frame asked for anew every time, kept between frames now: the matrix's column
/// labels and whether the request in view may be decided.
@Suite("Frames reuse the matrix labels and the decision rights they derived")
struct FrameMemoTests {
    init() { _ = UTF8Locale.ready }

    private func context(_ state: BoardState, _ ui: UIState, cache: RowCache, me: String = DemoWorkspace.leadHandle) -> PaneContext {
        let rows = PaneRows(state: state, ui: ui, me: me, now: DemoWorkspace.now, cache: cache)
        return PaneContext(state: state, ui: ui, rows: rows, actor: Actor(handle: me, osUser: "test"), now: DemoWorkspace.now) { _ in .success([]) }
    }

    @Test("the matrix labels are worked out once while the people and the width stay, and again when someone joins")
    func matrixLabelsKept() throws {
        let (_, workspace) = DemoDashboard.make()
        let cache = RowCache(config: workspace.state.config)
        let rows = context(workspace.state, UIState(), cache: cache).rows
        let first = rows.matrixHeaders(width: 60)
        #expect(rows.matrixHeaders(width: 60) == first)
        #expect(cache.matrixHeaders.generation == 1)
        _ = rows.matrixHeaders(width: 40)
        #expect(cache.matrixHeaders.generation == 2)
        try workspace.run(.addStakeholder(Stakeholder(handle: "zed-new", name: "Zed New", role: "data scientist")), now: DemoWorkspace.now)
        let after = context(workspace.state, UIState(), cache: cache).rows.matrixHeaders(width: 400)
        #expect(cache.matrixHeaders.generation == 3)
        #expect(after.labels.contains("zed-new"))
    }

    @Test("whether the selected request may be decided is asked of decide once per state, not once per frame")
    func decisionRightsKept() throws {
        let (_, workspace) = DemoDashboard.make()
        let cache = RowCache(config: workspace.state.config)
        var ui = UIState()
        ui.pane = .approvals
        let pane = ApprovalsPane()
        let first = pane.actionsOutOfReach(context(workspace.state, ui, cache: cache))
        #expect(pane.actionsOutOfReach(context(workspace.state, ui, cache: cache)) == first)
        #expect(cache.decisionsOutOfReach.generation == 1)
        try workspace.run(.comment(on: .project(DemoWorkspace.overdueProject), body: "a new event"), now: DemoWorkspace.now)
        #expect(pane.actionsOutOfReach(context(workspace.state, ui, cache: cache)) == first)
        #expect(cache.decisionsOutOfReach.generation == 2)
    }
}
