import BoardCore
import BoardDemo
import Testing
@testable import BoardTUI

@Suite("Driving the dashboard with keys")
struct InteractionTests {
    typealias K = Key

    @Test("approving from the review asks first, then records the approval")
    func approveFromReview() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        let target = try #require(workspace.state.requestsAwaiting(DemoWorkspace.leadHandle).first {
            Gates.failures(for: workspace.state.versions[$0.version]!, entering: $0.toStage, in: workspace.state).isEmpty
        })
        dashboard.handle(.character("6"))
        let index = try #require(PaneRows(state: workspace.state, ui: dashboard.ui, me: DemoWorkspace.leadHandle, now: DemoWorkspace.now)
            .requests.firstIndex { $0.id == target.id })
        for _ in 0..<index { dashboard.handle(.character("j")) }
        dashboard.handle(.enter)
        #expect(dashboard.render(width: 120, height: 40).text.contains("Review \(target.id)"))
        dashboard.handle(.character("a"))
        DemoDashboard.type(dashboard, "looks fine")
        dashboard.handle(.enter)
        #expect(dashboard.render(width: 120, height: 40).text.contains("Confirm"))
        #expect(workspace.state.requests[target.id]?.approvals.count == target.approvals.count, "nothing before y")
        dashboard.handle(.character("y"))
        let approvals = workspace.state.requests[target.id]?.approvals ?? []
        #expect(approvals.last?.by == DemoWorkspace.leadHandle)
        #expect(approvals.last?.comment == "looks fine")
    }

    @Test("approving a version that fails a gate asks for an override reason and records it")
    func overrideGate() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        let state = workspace.state
        let failing = try #require(state.requestsAwaiting(DemoWorkspace.leadHandle).first {
            !Gates.failures(for: state.versions[$0.version]!, entering: $0.toStage, in: state).isEmpty
        })
        dashboard.handle(.character("6"))
        let rows = PaneRows(state: state, ui: dashboard.ui, me: DemoWorkspace.leadHandle, now: DemoWorkspace.now).requests
        for _ in 0..<(rows.firstIndex { $0.id == failing.id } ?? 0) { dashboard.handle(.down) }
        dashboard.handle(.character("a"))
        dashboard.handle(.enter)
        #expect(dashboard.render(width: 120, height: 40).text.contains("Override reason (gates fail) is required"))
        dashboard.handle(.tab)
        DemoDashboard.type(dashboard, "business accepts lower recall for two weeks")
        dashboard.handle(.enter)
        dashboard.handle(.character("y"))
        let approval = workspace.state.requests[failing.id]?.approvals.last
        #expect(approval?.by == DemoWorkspace.leadHandle)
        #expect(approval?.overrideReason == "business accepts lower recall for two weeks")
    }

    @Test("rejecting needs a comment; Esc cancels with nothing written")
    func rejectAndCancel() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        let before = workspace.state
        dashboard.handle(.character("6"))
        dashboard.handle(.character("r"))
        dashboard.handle(.enter)
        #expect(dashboard.render(width: 120, height: 40).text.contains("is required"))
        dashboard.handle(.escape)
        #expect(workspace.state == before)
        dashboard.handle(.character("r"))
        DemoDashboard.type(dashboard, "needs a fairness review")
        dashboard.handle(.enter)
        dashboard.handle(.character("n"))
        #expect(workspace.state == before, "answering n writes nothing")
    }

    @Test("a second Accountable is refused with the rule in the status line and nothing saved")
    func secondAccountable() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        dashboard.handle(.character("3"))
        dashboard.handle(.character("m"))
        let slug = try #require(dashboard.matrixProjectSlug)
        let steps = workspace.state.config.lifecycleSteps
        let people = dashboard.matrixPeople
        let (row, holder) = try #require(steps.enumerated().lazy.compactMap { index, step -> (Int, String)? in
            workspace.state.assignments.values.first { $0.project == slug && $0.step == step && $0.raci == .accountable }
                .map { (index, $0.stakeholder) }
        }.first)
        let column = try #require(people.firstIndex { $0.handle != holder })
        for _ in 0..<row { dashboard.handle(.character("j")) }
        for _ in 0..<column { dashboard.handle(.character("l")) }
        let before = workspace.state
        dashboard.handle(.character("a"))
        #expect(workspace.state == before)
        #expect(dashboard.ui.status.isError)
        #expect(dashboard.ui.status.text.contains("single-accountable"))
        dashboard.handle(.character("c"))
        let key = AssignmentKey(project: slug, step: steps[row], stakeholder: people[column].handle)
        #expect(workspace.state.assignments[key]?.raci == .consulted)
    }

    @Test("creating a project through its form, choices offered from the vocabulary")
    func newProjectForm() {
        let (dashboard, workspace) = DemoDashboard.make()
        dashboard.handle(.character("2"))
        dashboard.handle(.character("n"))
        DemoDashboard.type(dashboard, "churn-v2")
        dashboard.handle(.tab)
        DemoDashboard.type(dashboard, "Churn, second attempt")
        dashboard.handle(.tab)
        dashboard.handle(.right)
        dashboard.handle(.enter)
        let project = workspace.state.projects["churn-v2"]
        #expect(project?.name == "Churn, second attempt")
        #expect(project?.goal == workspace.state.config.businessGoals[1])
        #expect(dashboard.render(width: 120, height: 40).text.contains("Churn, second attempt"))
    }

    @Test("a refused form keeps what was typed and shows the rule under the field")
    func refusedForm() {
        let (dashboard, workspace) = DemoDashboard.make()
        let before = workspace.state
        dashboard.handle(.character("2"))
        dashboard.handle(.character("n"))
        DemoDashboard.type(dashboard, "Bad Slug")
        dashboard.handle(.tab)
        DemoDashboard.type(dashboard, "x")
        dashboard.handle(.enter)
        #expect(workspace.state == before)
        let screen = dashboard.render(width: 120, height: 40).text
        #expect(screen.contains("malformed-slug"))
        #expect(screen.contains("Bad Slug"))
    }

    @Test("a form the store cannot save keeps what was typed and shows the store's reason, named as no rule")
    func storeFailure() {
        let (_, workspace) = DemoDashboard.make()
        let dashboard = Dashboard(workspace: Unreachable(workspace), clock: { DemoWorkspace.now })
        dashboard.handle(.character("2"))
        dashboard.handle(.character("n"))
        DemoDashboard.type(dashboard, "churn-v2")
        dashboard.handle(.tab)
        DemoDashboard.type(dashboard, "Churn, second attempt")
        dashboard.handle(.enter)
        let screen = dashboard.render(width: 120, height: 40).text
        #expect(screen.contains("offline, reconnecting"))
        #expect(screen.contains("Churn, second attempt"), "the form is still open with what was typed")
        #expect(!screen.contains("invalid-text"), "a store's failure is not a rule's refusal")
    }

    @Test("/ filters the focused list as you type, case-insensitive, CJK included; Esc clears")
    func filter() {
        let (dashboard, _) = DemoDashboard.make()
        dashboard.handle(.character("2"))
        dashboard.handle(.character("/"))
        DemoDashboard.type(dashboard, "問い")
        var screen = dashboard.render(width: 120, height: 40).text
        #expect(screen.contains("Projects (1)"))
        dashboard.handle(.escape)
        dashboard.handle(.character("/"))
        DemoDashboard.type(dashboard, "CHURN")
        dashboard.handle(.enter)
        screen = dashboard.render(width: 120, height: 40).text
        #expect(screen.contains("Customer churn prediction"))
        #expect(!screen.contains("Store demand forecasting"))
        dashboard.handle(.escape)
        #expect(dashboard.render(width: 120, height: 40).text.contains("Store demand forecasting"))
    }

    @Test(": commands switch panes and open projects, with completion; unknown ones are explained")
    func commandLine() {
        let (dashboard, _) = DemoDashboard.make()
        dashboard.handle(.character(":"))
        DemoDashboard.type(dashboard, "pa")
        dashboard.handle(.tab)
        #expect(dashboard.ui.commandLine == "pane ")
        DemoDashboard.type(dashboard, "chall")
        dashboard.handle(.tab)
        dashboard.handle(.enter)
        #expect(dashboard.ui.pane == .challenges)
        dashboard.handle(.character(":"))
        DemoDashboard.type(dashboard, "project churn-prediction")
        dashboard.handle(.enter)
        #expect(dashboard.render(width: 120, height: 40).text.contains("Customer churn prediction (churn-prediction)"))
        dashboard.handle(.character(":"))
        DemoDashboard.type(dashboard, "fly")
        dashboard.handle(.enter)
        #expect(dashboard.ui.status.text.contains("unknown command"))
    }

    @Test("q quits at once, but asks first when a form has unsaved input")
    func quit() {
        let (dashboard, _) = DemoDashboard.make()
        dashboard.handle(.character("2"))
        dashboard.handle(.character("n"))
        DemoDashboard.type(dashboard, "draft")
        dashboard.handle(.control("c"))
        #expect(!dashboard.isQuitting)
        #expect(dashboard.render(width: 120, height: 40).text.contains("unsaved input"))
        dashboard.handle(.character("y"))
        #expect(dashboard.isQuitting)
        let (other, _) = DemoDashboard.make()
        other.handle(.character("q"))
        #expect(other.isQuitting)
    }

    @Test("a form learns when what it edits changed underneath")
    func staleForm() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        dashboard.handle(.character("6"))
        let request = try #require(PaneRows(state: workspace.state, ui: dashboard.ui, me: DemoWorkspace.leadHandle, now: DemoWorkspace.now).requests.first)
        dashboard.handle(.character("r"))
        let record = EventRecord(sequence: workspace.state.lastSequence + 1, at: DemoWorkspace.now,
                                 actor: Actor(handle: "someone", osUser: "x"), event: .requestWithdrawn(request: request.id))
        dashboard.remoteChangesArrived([record])
        #expect(dashboard.render(width: 120, height: 40).text.contains("changed since you opened this"))
    }

    @Test("y copies the selected item's id")
    func copy() throws {
        let (dashboard, _) = DemoDashboard.make()
        dashboard.handle(.character("2"))
        let slug = try #require(PaneRows(state: DemoDashboard.built.state, ui: dashboard.ui, me: "", now: DemoWorkspace.now).projects.first?.slug)
        #expect(dashboard.handle(.character("y")) == [.copy(slug)])
    }

    @Test(":theme hands the switch to the runner, and nothing else does")
    func themeSwitch() {
        let (dashboard, _) = DemoDashboard.make()
        DemoDashboard.type(dashboard, ":theme light")
        #expect(dashboard.handle(.enter) == [.switchTheme("light")])
        #expect(dashboard.handle(.character("j")).isEmpty)
    }
}

@Suite("Mouse and the team form")
struct MouseAndTeamTests {
    @Test("a click on a tab focuses its pane; the wheel moves the selection; a click selects a row")
    func mouse() {
        let (dashboard, _) = DemoDashboard.make()
        let tabs = dashboard.render(width: 120, height: 40).line(1)
        let column = DisplayWidth.of(String(tabs[..<tabs.range(of: "5 Challenges")!.lowerBound]))
        dashboard.handleMouse(x: column + 2, y: 1, button: 1, height: 40)
        #expect(dashboard.ui.pane == .challenges)
        dashboard.handleMouse(x: 10, y: 10, button: 5, height: 40)
        #expect(dashboard.ui.selected(.challenges) == 1)
        dashboard.handleMouse(x: 10, y: 10, button: 4, height: 40)
        #expect(dashboard.ui.selected(.challenges) == 0)
        dashboard.handleMouse(x: 10, y: 7, button: 1, height: 40)
        #expect(dashboard.ui.selected(.challenges) == 3)
    }

    @Test("n on the team pane adds a stakeholder with the chosen role and rights")
    func addStakeholder() {
        let (dashboard, workspace) = DemoDashboard.make()
        dashboard.handle(.character("3"))
        dashboard.handle(.character("n"))
        DemoDashboard.type(dashboard, "new-hire")
        dashboard.handle(.tab)
        DemoDashboard.type(dashboard, "New Hire")
        dashboard.handle(.tab)
        dashboard.handle(.right)
        dashboard.handle(.tab)
        dashboard.handle(.right)
        dashboard.handle(.right)
        dashboard.handle(.enter)
        let person = workspace.state.stakeholders["new-hire"]
        #expect(person?.role == workspace.state.config.roles[1])
        #expect(person?.approvalStages == ["staging", "production"])
    }
}

@Suite("Clearing a RACI cell")
struct ClearCellTests {
    @Test("x asks first; y removes the assignment")
    func clearAsksFirst() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        dashboard.handle(.character("3"))
        dashboard.handle(.character("m"))
        let slug = try #require(dashboard.matrixProjectSlug)
        let people = dashboard.matrixPeople
        let step = workspace.state.config.lifecycleSteps[0]
        let column = try #require(people.firstIndex { person in
            workspace.state.assignments[AssignmentKey(project: slug, step: step, stakeholder: person.handle)] != nil
        })
        for _ in 0..<column { dashboard.handle(.character("l")) }
        let key = AssignmentKey(project: slug, step: step, stakeholder: people[column].handle)
        dashboard.handle(.character("x"))
        #expect(workspace.state.assignments[key] != nil, "nothing happens before y")
        #expect(dashboard.render(width: 120, height: 40).text.contains("Remove \(people[column].handle)"))
        dashboard.handle(.character("y"))
        #expect(workspace.state.assignments[key] == nil)
    }
}

/// A workspace whose server is gone: every write fails as the store says so.
private final class Unreachable: DashboardWorkspace {
    private struct Offline: Error, CustomStringConvertible {
        var description: String { "offline, reconnecting: the server is gone" }
    }

    let inner: MemoryWorkspace
    init(_ inner: MemoryWorkspace) { self.inner = inner }
    var state: BoardState { inner.state }
    var me: Actor { inner.me }
    var readOnlyReason: String? { nil }
    func run(_ command: Command, now: Instant) throws { throw Offline() }
    func comments(on target: CommentTarget) throws -> [BoardCore.Comment] { try inner.comments(on: target) }
}
