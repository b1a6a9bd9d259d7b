/// What a lead wants to know of one project at a glance.
public struct ProjectSummary: Equatable, Sendable {
    public var slug: String
    public var name: String
    public var goal: String
    public var step: String
    public var stepNumber: Int
    public var stepCount: Int
    public var status: ProjectStatus
    public var versionsByStage: [String: Int]
    public var openChallengesBySeverity: [Severity: Int]
    public var pendingRequests: Int
    /// Days past the retraining cadence, or nil when not overdue.
    public var daysOverdue: Int?

    /// Share of the lifecycle reached, 0 to 1.
    public var progress: Double { stepCount == 0 ? 0 : Double(stepNumber) / Double(stepCount) }
    public var isOverdue: Bool { daysOverdue != nil }
    public var openChallenges: Int { openChallengesBySeverity.values.reduce(0, +) }
}

extension BoardState {
    public func summary(of slug: String, now: Instant) -> ProjectSummary? {
        guard let project = projects[slug] else { return nil }
        let modelSlugs = Set(models.values.filter { $0.project == slug }.map(\.slug))
        var byStage: [String: Int] = [:]
        for version in versions.values where modelSlugs.contains(version.ref.model) {
            byStage[version.stage, default: 0] += 1
        }
        var bySeverity: [Severity: Int] = [:]
        for challenge in challenges.values where challenge.project == slug && challenge.status.isOpen {
            bySeverity[challenge.severity, default: 0] += 1
        }
        let pending = requests.values.filter { $0.isOpen && modelSlugs.contains($0.version.model) }.count
        let stepIndex = config.lifecycleSteps.firstIndex(of: project.step) ?? 0
        return ProjectSummary(
            slug: slug, name: project.name, goal: project.goal, step: project.step, stepNumber: stepIndex + 1,
            stepCount: config.lifecycleSteps.count, status: project.status, versionsByStage: byStage,
            openChallengesBySeverity: bySeverity, pendingRequests: pending,
            daysOverdue: daysOverdue(project, now: now))
    }

    /// Days since the cadence ran out without a retrain; nil for projects on time, archived,
    /// not active, or on an event-driven cadence.
    public func daysOverdue(_ project: Project, now: Instant) -> Int? {
        guard !project.archived, project.status == .active,
              let name = project.cadence, let days = config.cadence(named: name)?.days else { return nil }
        let due = project.lastRetrainAt.adding(days: days)
        return due < now ? now.days(since: due) : nil
    }

    public func overdueProjects(now: Instant) -> [Project] {
        projects.values.filter { daysOverdue($0, now: now) != nil }.sorted { $0.slug < $1.slug }
    }

    /// Live (not archived) projects, by slug.
    public var liveProjects: [Project] {
        projects.values.filter { !$0.archived }.sorted { $0.slug < $1.slug }
    }
}
