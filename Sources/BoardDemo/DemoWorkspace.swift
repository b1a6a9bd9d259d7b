import BoardCore

/// One step of the demo's script: who does what, when.
public struct DemoStep: Equatable, Sendable {
    public var actor: Actor
    public var at: Instant
    public var command: Command

    public init(actor: Actor, at: Instant, command: Command) {
        self.actor = actor
        self.at = at
        self.command = command
    }
}

/// A realistic, deterministic demo workspace: a retail-and-finance data-science team over
/// about fourteen weeks, run through the real rules (`decide`) and folded with `apply`.
///
/// The default eight projects show every feature: eight of the ten lifecycle steps, every
/// business goal, twelve people in every default role (one deactivated after a hand-over),
/// RACI matrices with one Accountable per step, 22 model versions in every stage (reached by
/// requests, approvals, automatic archiving and one rollback, one approval overriding a gate),
/// five requests awaiting the lead (one production request with one of two approvals, one that
/// fails a metric gate), 25 challenges in the proportions of the domain brief's survey, comments
/// on every kind of target, Japanese text, and exactly one project overdue for retraining at
/// `now`. Larger sizes add generated projects (and one more person per four of them) on the
/// same timeline.
///
/// Steps fall on weekdays between 08:00 and 18:00 UTC, from `start` to `lastStepAt`. To show the
/// demo as if it were happening now, shift every step by `Instant(Date())` minus `now`; a shift
/// by whole weeks keeps the steps on weekdays and in office hours.
public enum DemoWorkspace {
    static let workspaceName = "Northwind data science (demo)"

    /// The configuration the demo runs under: the built-in defaults.
    public static var config: WorkspaceConfig { .defaults(name: workspaceName) }

    /// The demo's data-science lead, who may approve the pending requests.
    public static let leadHandle = DemoPeople.lead

    /// 2025-01-06T09:00:00Z, a Monday; the lead sets up the workspace that morning.
    public static let start = Instant(millis: 1_736_154_000_000)

    /// When the script's last step happens, whatever the size: 17:00 UTC on day 99
    /// (2025-04-15), the end of the final round of scheduled retrains.
    public static let lastStepAt = Instant(millis: DemoScript.millis(afterDays: 99 + 8.0 / 24))

    /// The moment the demo is meant to be looked at: one hour after its last step
    /// (2025-04-15T18:00:00Z). At this moment exactly one project, `overdueProject`, is
    /// overdue for retraining; every other project with a calendar cadence was retrained
    /// on the last day. Pass it as `now` to queries such as `overdueProjects(now:)`.
    public static let now = Instant(millis: lastStepAt.millis + 3_600_000)

    /// The project overdue for retraining at `now` (monthly cadence, last retrained around day 62).
    public static let overdueProject = DemoProjects.overdue

    /// The version whose open production request fails a metric gate (recall below 0.80).
    public static let failingVersion = DemoModels.failingVersion

    /// The number of projects in the default demo; smaller sizes are not possible.
    static let coreProjectCount = DemoProjects.core.count

    /// Cadences measured in days (the others are triggered by events).
    static let calendarCadences: Set<String> = Set(
        WorkspaceConfig.defaults(name: "demo").retrainingCadences.filter { $0.days != nil }.map(\.name))

    /// The demo's script: each step is who does what when. Size is the number of projects
    /// (default 8, at least 8; benchmarks use 1000 or 10000). Steps are in time order.
    public static func script(projects size: Int = 8) -> [DemoStep] {
        precondition(size >= coreProjectCount, "the demo needs at least its \(coreProjectCount) core projects")
        let config = self.config
        var script = DemoScript(seed: 0xD3A0_5EED, lifecycle: config.lifecycleSteps)
        let extraPeople = DemoPeople.extraPeople(forProjects: size)
        let team = DemoTeam(core: DemoPeople.core, extra: extraPeople, grants: DemoPeople.grants)
        let generated = DemoGenerated.projects(
            first: coreProjectCount, count: size - coreProjectCount, team: team, config: config)

        // Day 0: the team.
        DemoPeople.addCoreTeam(&script)
        script.endPhase(from: 0, to: 0.125)
        DemoPeople.addExtraPeople(extraPeople, &script)
        script.endPhase(from: 0.25, to: 0.95)

        // Days 1 to 14: projects, RACI matrices, first lifecycle steps.
        DemoProjects.createCore(&script)
        DemoGenerated.create(generated, &script)
        script.endPhase(from: 1, to: 8)
        DemoProjects.kickOffCore(&script)
        DemoGenerated.kickOff(generated, &script)
        script.endPhase(from: 8, to: 14)

        // Days 14 to 30: models, first versions, the data problems people run into.
        DemoProjects.advanceCore(upTo: 4, &script)
        DemoModels.registerCore(&script)
        DemoChallenges.openCore(.early, &script)
        DemoGenerated.registerModels(generated, &script)
        script.endPhase(from: 14, to: 30)

        // Days 30 to 60: first releases.
        DemoProjects.advanceCore(upTo: 6, &script)
        DemoModels.firstReleases(&script)
        DemoGenerated.releases(generated, team: team, &script)
        script.endPhase(from: 30, to: 60)

        // Days 60 to 64: scheduled retrains (the last one for the overdue project).
        DemoModels.midRetrains(&script)
        script.endPhase(from: 60, to: 64)

        // Days 64 to 88: recent work, a rollback, a hand-over, requests left for the lead.
        DemoChallenges.openCore(.recent, &script)
        DemoModels.recentWork(&script)
        DemoGenerated.recentWork(generated, &script)
        script.endPhase(from: 64, to: 88)

        // Days 88 to 95: challenges move on, people discuss, projects reach their steps.
        DemoProjects.pausePricing(&script)
        DemoChallenges.followUp(&script)
        DemoProjects.advanceCore(upTo: config.lifecycleSteps.count - 1, &script)
        DemoGenerated.followUp(generated, &script)
        script.endPhase(from: 88, to: 95)

        // Days 95 to 98: project statuses.
        DemoProjects.resumePricing(&script)
        DemoGenerated.wrapUp(generated, &script)
        script.endPhase(from: 95, to: 98)

        // Day 99, 08:00 to 17:00: the weekly round of retrains, all but the overdue project.
        finalRetrains(generated, &script)
        script.endPhase(from: 99 - 1.0 / 24, to: 99 + 8.0 / 24)

        return script.steps
    }

    private static func finalRetrains(_ generated: [GeneratedProject], _ script: inout DemoScript) {
        for spec in DemoProjects.core where spec.project.slug != DemoProjects.overdue {
            guard let cadence = spec.project.cadence, calendarCadences.contains(cadence) else { continue }
            script.run(spec.crew[.scientist]!, .recordRetrain(
                project: spec.project.slug, note: "Scheduled \(cadence) retrain; metrics within 1% of last run."))
        }
        for project in generated where project.plan.finalStatus == .active && !project.plan.archived {
            guard let cadence = project.project.cadence, calendarCadences.contains(cadence) else { continue }
            script.run(project.crew[.scientist]!, .recordRetrain(
                project: project.slug, note: "Scheduled \(cadence) retrain."))
        }
    }

    /// Runs the script through `decide` and `apply`, returning the accepted records and the
    /// final state. A refused step is a bug in the demo: it stops with a precondition failure
    /// naming the step.
    public static func build(projects size: Int = 8) -> (records: [EventRecord], state: BoardState) {
        run(script(projects: size))
    }

    static func run(_ steps: [DemoStep]) -> (records: [EventRecord], state: BoardState) {
        precondition(steps.last?.at == lastStepAt, "the demo's last step must fall at lastStepAt")
        let empty = BoardState(config: config)
        let plan = steps.map { PlannedCommand($0.command, as: $0.actor, at: $0.at) }
        switch DecisionLoop.run(plan, from: empty) {
        case .success(let outcome):
            return outcome
        case .failure(let refusal):
            let step = steps[refusal.step]
            preconditionFailure(
                "demo step \(refusal.step) (\(step.actor.handle) at \(step.at.iso8601): \(step.command)) was refused: \(refusal.violation)")
        }
    }
}
