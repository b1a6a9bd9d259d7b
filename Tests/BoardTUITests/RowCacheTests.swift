import BoardCore
import BoardDemo
import Testing
@testable import BoardTUI

/// The dashboard keeps derived rows between frames: these show a frame after a change, a
/// filter, a sort or a moving clock never draws the rows of before.
@Suite("Rows kept between frames follow the state, the filter, the sort and the clock")
struct RowCacheTests {
    init() { _ = UTF8Locale.ready }

    let lead = DemoWorkspace.leadHandle

    private func frame(_ dashboard: Dashboard) -> String { dashboard.render(width: 160, height: 48).text }

    @Test("a project created through the workspace appears in the next frame of Projects and Overview")
    func newProjectAppears() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        dashboard.switchPane(to: .projects)
        let count = workspace.state.liveProjects.count
        #expect(frame(dashboard).contains("Projects (\(count))"))
        #expect(!frame(dashboard).contains("Aardvark census"))
        try workspace.run(.createProject(NewProject(slug: "aardvark", name: "Aardvark census", goal: "decision making")),
                          now: DemoWorkspace.now)
        let after = frame(dashboard)
        #expect(after.contains("Projects (\(count + 1))"))
        #expect(after.contains("Aardvark census"))
    }

    @Test("a challenge opened through the workspace appears in Challenges and its count in the chart")
    func newChallengeAppears() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        dashboard.switchPane(to: .challenges)
        let before = frame(dashboard)
        let total = workspace.state.challenges.count
        #expect(before.contains("of \(total))"))
        let category = try #require(workspace.state.config.challengeCategories.first?.name)
        try workspace.run(.openChallenge(NewChallenge(project: nil, category: category, severity: .critical, owner: nil,
                                                      title: "Labels arrive a week late")), now: DemoWorkspace.now)
        let after = frame(dashboard)
        #expect(after.contains("of \(total + 1))"))
        #expect(after.contains("Labels arrive a week late"), "open critical challenges sort first")
    }

    @Test("a request withdrawn through the workspace leaves Approvals, the header badge and the Overview")
    func withdrawnRequestLeaves() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        let waiting = workspace.state.requestsAwaiting(lead)
        let open = workspace.state.openRequests.count
        let request = try #require(waiting.first)
        dashboard.switchPane(to: .approvals)
        let before = frame(dashboard)
        #expect(before.contains("Approvals: \(waiting.count) waiting for you, \(open) open"))
        #expect(before.contains("6 Approvals (\(waiting.count))"))
        try workspace.run(.withdraw(request: request.id), now: DemoWorkspace.now)
        let after = frame(dashboard)
        #expect(after.contains("Approvals: \(waiting.count - 1) waiting for you, \(open - 1) open"))
        #expect(after.contains("6 Approvals (\(waiting.count - 1))"))
        dashboard.switchPane(to: .overview)
        #expect(frame(dashboard).contains("Pending approvals: \(waiting.count - 1) yours"))
    }

    @Test("a version registered through the workspace is counted in its stage column of Models")
    func newVersionCounted() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        dashboard.switchPane(to: .models)
        let initial = workspace.state.config.initialStage
        let inInitial = workspace.state.versions.values.filter { $0.stage == initial }.count
        #expect(frame(dashboard).contains("\(initial) (\(inInitial))"))
        let model = try #require(workspace.state.models.values.first { workspace.state.projects[$0.project]?.archived == false })
        try workspace.run(.registerVersion(model: model.slug, metrics: [:], source: "git:abc123"), now: DemoWorkspace.now)
        #expect(frame(dashboard).contains("\(initial) (\(inInitial + 1))"))
    }

    @Test("a comment shows at the top of Activity in the next frame")
    func commentInActivity() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        dashboard.switchPane(to: .activity)
        let before = frame(dashboard)
        let slug = try #require(workspace.state.projects.keys.sorted().first)
        try workspace.run(.comment(on: .project(slug), body: "fresh remark"), now: DemoWorkspace.now)
        let sequence = "\(workspace.state.lastSequence)"
        #expect(!before.contains(sequence))
        let top = dashboard.render(width: 160, height: 48).line(4)
        #expect(top.contains(sequence) && top.contains("commented on"), "the newest entry is the first row: \(top)")
    }

    @Test("filter and sort change the rows of a list drawn before")
    func filterAndSort() {
        let (dashboard, _) = DemoDashboard.make()
        dashboard.switchPane(to: .projects)
        #expect(frame(dashboard).contains("Store demand forecasting"))
        dashboard.handle(.character("/"))
        DemoDashboard.type(dashboard, "churn")
        var screen = frame(dashboard)
        #expect(screen.contains("Projects (1)"))
        #expect(!screen.contains("Store demand forecasting"))
        dashboard.handle(.escape)
        screen = frame(dashboard)
        #expect(screen.contains("Store demand forecasting"))
        let byName = dashboard.rows.projects.map(\.slug)
        dashboard.handle(.character("s"))
        #expect(frame(dashboard).contains("sorted by step"))
        let bySteps = dashboard.rows.projects
        #expect(bySteps.map(\.stepNumber) == bySteps.map(\.stepNumber).sorted())
        #expect(bySteps.map(\.slug) != byName)
        #expect(Set(bySteps.map(\.slug)) == Set(byName))
    }

    @Test("the overdue mark follows the clock with no change to the state")
    func overdueFollowsClock() throws {
        var now = DemoWorkspace.now
        let workspace = MemoryWorkspace(state: DemoDashboard.built.state, me: Actor(handle: lead, osUser: "test"))
        let dashboard = Dashboard(workspace: workspace, clock: { now })
        let overdue = try #require(workspace.state.projects[DemoWorkspace.overdueProject])
        dashboard.switchPane(to: .projects)
        #expect(frame(dashboard).contains(overdue.name + " ⟳"))
        dashboard.switchPane(to: .overview)
        #expect(frame(dashboard).contains("Overdue retraining: \(overdue.slug)"))
        now = overdue.lastRetrainAt
        #expect(frame(dashboard).contains("Overdue retraining: none"))
        dashboard.switchPane(to: .projects)
        let screen = frame(dashboard)
        #expect(screen.contains(overdue.name))
        #expect(!screen.contains(overdue.name + " ⟳"))
    }
}
