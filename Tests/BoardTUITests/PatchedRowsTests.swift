import BoardCore
import BoardDemo
import Testing
@testable import BoardTUI

/// After a change to a few projects the dashboard patches the rows and figures it keeps instead
/// of deriving them again from every project: these show the patched values are the ones a
/// fresh derivation gives, and that the panes draw them.
@Suite("Rows patched after a change equal rows derived afresh")
struct PatchedRowsTests {
    init() { _ = UTF8Locale.ready }

    static let built = DemoWorkspace.build(projects: 120)

    /// A fixed-seed random walk of changes through the workspace: after each batch, the
    /// dashboard's kept (mostly patched) values must equal those of a dashboard without a cache.
    /// With the workspace's change log, and without one (the projects are then compared).
    @Test("random project edits, step moves, new and archived projects, versions and challenges",
          arguments: [1, 2, 3], [true, false])
    func randomChanges(seed: UInt64, logged: Bool) throws {
        let workspace = MemoryWorkspace(state: Self.built.state, me: Actor(handle: DemoWorkspace.leadHandle, osUser: "test"))
        let dashboard = Dashboard(workspace: logged ? workspace : Unlogged(workspace), clock: { DemoWorkspace.now })
        var random = RandomChanges(seed: seed)
        var applied = 0
        for round in 0..<150 {
            for _ in 0...random.int(below: 3) {
                if (try? workspace.run(random.command(in: workspace.state), now: DemoWorkspace.now)) != nil { applied += 1 }
            }
            if random.int(below: 12) == 0 { dashboard.ui.projectSort = ProjectSort.allCases[random.int(below: ProjectSort.allCases.count)] }
            if random.int(below: 15) == 0 { dashboard.ui.filters[.projects] = ["", "", "a", "forecast", "Churn", "step"][random.int(below: 6)] }
            expectKeptEqualsFresh(dashboard, round: round)
        }
        #expect(applied > 200, "most random commands should pass the rules: \(applied)")
    }

    @Test("a change to more projects than a patch takes rebuilds, with the same result")
    func manyChanges() throws {
        let workspace = MemoryWorkspace(state: Self.built.state, me: Actor(handle: DemoWorkspace.leadHandle, osUser: "test"))
        let dashboard = Dashboard(workspace: workspace, clock: { DemoWorkspace.now })
        expectKeptEqualsFresh(dashboard, round: 0)
        let steps = workspace.state.config.lifecycleSteps
        for (index, slug) in workspace.state.projects.keys.sorted().enumerated() {
            try? workspace.run(.setProjectStep(slug: slug, step: steps[index % steps.count]), now: DemoWorkspace.now)
        }
        for index in 0...ProjectChanges.limit {
            try workspace.run(.createProject(NewProject(slug: "bulk-\(index)", name: "Bulk \(index % 7)", goal: goal(workspace))),
                              now: DemoWorkspace.now)
        }
        expectKeptEqualsFresh(dashboard, round: 1)
    }

    @Test("a step change shows in Projects, Overview and Team in the next frame")
    func stepChangeDrawn() throws {
        let workspace = MemoryWorkspace(state: Self.built.state, me: Actor(handle: DemoWorkspace.leadHandle, osUser: "test"))
        let dashboard = Dashboard(workspace: workspace, clock: { DemoWorkspace.now })
        let steps = workspace.state.config.lifecycleSteps
        let slug = try #require(dashboard.rows.firstLiveProject)
        let project = try #require(workspace.state.projects[slug])
        let from = try #require(steps.firstIndex(of: project.step))
        let to = (from + 1) % steps.count
        for pane in [Pane.projects, .overview, .team] {
            dashboard.switchPane(to: pane)
            _ = frame(dashboard)
        }
        let perStep = workspace.state.projects.values.filter { !$0.archived && $0.step == steps[to] }.count

        try workspace.run(.setProjectStep(slug: slug, step: steps[to]), now: DemoWorkspace.now)

        dashboard.switchPane(to: .projects)
        dashboard.handle(.character("/"))
        DemoDashboard.type(dashboard, slug)
        dashboard.handle(.enter)
        #expect(frame(dashboard).contains("\(to + 1)/\(steps.count) \(steps[to])"))
        dashboard.switchPane(to: .overview)
        #expect(dashboard.rows.projectsPerStep[to].value == perStep + 1)
        let chartRow = try #require(frame(dashboard).split(separator: "\n").first { $0.contains(steps[to]) })
        #expect(chartRow.contains("\(perStep + 1)"), "the bar of \(steps[to]) counts the moved project: \(chartRow)")
        dashboard.switchPane(to: .team)
        #expect(frame(dashboard).contains("▶ \(steps[to])"), "the RACI matrix marks the new step of \(slug)")
    }

    @Test("the RACI matrix follows a new first project, and the one before when it is archived")
    func matrixProjectFollowsProjects() throws {
        let workspace = MemoryWorkspace(state: Self.built.state, me: Actor(handle: DemoWorkspace.leadHandle, osUser: "test"))
        let dashboard = Dashboard(workspace: workspace, clock: { DemoWorkspace.now })
        dashboard.switchPane(to: .team)
        let first = try #require(workspace.state.liveProjects.first)
        #expect(frame(dashboard).contains("RACI matrix: \(first.name)"))
        try workspace.run(.createProject(NewProject(slug: "aaa-first", name: "Aardvark census", goal: goal(workspace))),
                          now: DemoWorkspace.now)
        #expect(frame(dashboard).contains("RACI matrix: Aardvark census"))
        try workspace.run(.archiveProject(slug: "aaa-first"), now: DemoWorkspace.now)
        #expect(frame(dashboard).contains("RACI matrix: \(first.name)"))
    }

    private func frame(_ dashboard: Dashboard) -> String { dashboard.render(width: 200, height: 60).text }

    private func goal(_ workspace: MemoryWorkspace) -> String { workspace.state.config.businessGoals[0] }

    private func expectKeptEqualsFresh(_ dashboard: Dashboard, round: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let kept = dashboard.rows
        let fresh = PaneRows(state: kept.state, ui: kept.ui, me: kept.me, now: kept.now, cache: nil)
        let (keptRows, freshRows) = (kept.projects, fresh.projects)
        let differing = zip(keptRows, freshRows).first { $0 != $1 }.map { "kept \($0.0), fresh \($0.1)" } ?? "none"
        let sameRows = keptRows == freshRows
        #expect(sameRows, "round \(round): \(keptRows.count) rows kept, \(freshRows.count) fresh; first differing: \(differing)",
                sourceLocation: sourceLocation)
        #expect(kept.projectsPerStep.map(\.label) == fresh.projectsPerStep.map(\.label), sourceLocation: sourceLocation)
        #expect(kept.projectsPerStep.map(\.value) == fresh.projectsPerStep.map(\.value), "round \(round): per step", sourceLocation: sourceLocation)
        #expect(kept.productionShare == fresh.productionShare, "round \(round): production share", sourceLocation: sourceLocation)
        #expect(kept.overdueProjects == fresh.overdueProjects, "round \(round): overdue", sourceLocation: sourceLocation)
        #expect(kept.firstLiveProject == fresh.firstLiveProject, "round \(round): matrix project", sourceLocation: sourceLocation)
        // The fresh values are those of the state's own queries.
        let state = kept.state
        #expect(Set(fresh.projects.map(\.slug)).isSubset(of: state.liveProjects.map(\.slug)))
        #expect(fresh.overdueProjects == state.overdueProjects(now: kept.now).map(\.slug))
        #expect(fresh.firstLiveProject == state.liveProjects.first?.slug)
    }
}

/// A workspace that keeps no change log, as one that cannot tell which projects changed.
private final class Unlogged: DashboardWorkspace {
    let inner: MemoryWorkspace
    init(_ inner: MemoryWorkspace) { self.inner = inner }
    var state: BoardState { inner.state }
    var me: Actor { inner.me }
    var readOnlyReason: String? { inner.readOnlyReason }
    func run(_ command: Command, now: Instant) throws { try inner.run(command, now: now) }
    func comments(on target: CommentTarget) throws -> [BoardCore.Comment] { try inner.comments(on: target) }
}

/// Commands that change a few projects at a time, chosen by a seeded generator.
private struct RandomChanges {
    private var state: UInt64
    private var created = 0
    private static let names = ["Churn model", "churn model", "Zebra counts", "Ålesund ferries", "Store demand forecasting"]

    init(seed: UInt64) { state = seed }

    mutating func int(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[int(below: items.count)] }

    mutating func command(in state: BoardState) -> Command {
        let config = state.config
        let slug = pick(state.projects.keys.sorted())
        switch int(below: 11) {
        case 0, 1, 2: return .setProjectStep(slug: slug, step: pick(config.lifecycleSteps))
        case 3: return .editProject(slug: slug, ProjectEdit(name: pick(Self.names), goal: pick(config.businessGoals)))
        case 4:
            created += 1
            return .createProject(NewProject(slug: "new-\(created)", name: pick(Self.names), goal: pick(config.businessGoals),
                                             cadence: pick(config.retrainingCadences).name, step: pick(config.lifecycleSteps)))
        case 5: return .archiveProject(slug: slug)
        case 6: return .setProjectStatus(slug: slug, status: pick(ProjectStatus.allCases))
        case 7: return .recordRetrain(project: slug, note: "retrained")
        case 8:
            let models = state.models.values.filter { $0.project == slug }.map(\.slug).sorted()
            guard !models.isEmpty else { return .registerModel(MLModel(slug: "\(slug)-m", project: slug, name: "Model of \(slug)")) }
            return .registerVersion(model: pick(models), metrics: [:], source: "git:\(int(below: 1000))")
        case 9:
            return .openChallenge(NewChallenge(project: slug, category: pick(config.challengeCategories).name,
                                               severity: pick(Severity.allCases), owner: nil, title: "Random challenge"))
        default:
            let open = state.challenges.values.filter(\.status.isOpen).map(\.id).sorted()
            guard !open.isEmpty else { return .setProjectStep(slug: slug, step: pick(config.lifecycleSteps)) }
            return .moveChallenge(id: pick(open), to: .resolved, note: "done")
        }
    }
}
