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
        return makeSummary(project, tallies: SummaryTallies(of: self, only: slug), now: now)
    }

    /// Summaries of all live projects in one pass over models, versions, challenges and
    /// requests: what a list of thousands of projects needs each frame.
    public func liveSummaries(now: Instant) -> [ProjectSummary] {
        liveSummaries(now: now, tallies: SummaryTallies(of: self))
    }

    /// Summaries of all live projects from tallies made earlier: a caller that keeps the
    /// tallies while models, versions, challenges and requests stay the same saves that pass.
    public func liveSummaries(now: Instant, tallies: SummaryTallies) -> [ProjectSummary] {
        let stepNumbers = Dictionary(config.lifecycleSteps.enumerated().map { ($1, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        var summaries: [ProjectSummary] = []
        summaries.reserveCapacity(projects.count)
        for project in projects.values where !project.archived {
            summaries.append(makeSummary(project, tallies: tallies, now: now, stepNumber: stepNumbers[project.step] ?? 1))
        }
        return summaries
    }

    /// The summary of `project` from tallies made earlier, or nil when it is archived: one row
    /// of `liveSummaries(now:tallies:)`, for a caller that patches a list it keeps.
    public func liveSummary(of project: Project, tallies: SummaryTallies, now: Instant) -> ProjectSummary? {
        project.archived ? nil : makeSummary(project, tallies: tallies, now: now)
    }

    private func makeSummary(_ project: Project, tallies: SummaryTallies, now: Instant, stepNumber: Int? = nil) -> ProjectSummary {
        ProjectSummary(
            slug: project.slug, name: project.name, goal: project.goal, step: project.step,
            stepNumber: stepNumber ?? (config.lifecycleSteps.firstIndex(of: project.step) ?? 0) + 1,
            stepCount: config.lifecycleSteps.count, status: project.status,
            versionsByStage: tallies.versionsByStage[project.slug] ?? [:],
            openChallengesBySeverity: tallies.openChallengesBySeverity[project.slug] ?? [:],
            pendingRequests: tallies.pendingRequests[project.slug] ?? 0, daysOverdue: daysOverdue(project, now: now))
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

/// Per-project counts behind summaries, gathered in one pass over the models, versions,
/// challenges and requests of the state (for one project, or for all when `only` is nil).
public struct SummaryTallies: Sendable {
    var versionsByStage: [String: [String: Int]] = [:]
    var openChallengesBySeverity: [String: [Severity: Int]] = [:]
    var pendingRequests: [String: Int] = [:]

    /// The tallies of every project.
    public init(of state: BoardState) { self.init(of: state, only: nil) }

    /// Slugs of the projects whose tallies differ from those in `old`, or nil when more than
    /// `limit` do.
    public func projectsChanged(since old: SummaryTallies, limit: Int) -> Set<String>? {
        guard let versions = versionsByStage.keysChanged(since: old.versionsByStage, limit: limit),
              let challenges = openChallengesBySeverity.keysChanged(since: old.openChallengesBySeverity, limit: limit),
              let requests = pendingRequests.keysChanged(since: old.pendingRequests, limit: limit) else { return nil }
        let changed = versions.union(challenges).union(requests)
        return changed.count > limit ? nil : changed
    }

    init(of state: BoardState, only: String?) {
        var modelProject: [String: String] = [:]
        for model in state.models.values where only == nil || model.project == only { modelProject[model.slug] = model.project }
        for version in state.versions.values {
            guard let project = modelProject[version.ref.model] else { continue }
            versionsByStage[project, default: [:]][version.stage, default: 0] += 1
        }
        for challenge in state.challenges.values where challenge.status.isOpen {
            guard let project = challenge.project, only == nil || project == only else { continue }
            openChallengesBySeverity[project, default: [:]][challenge.severity, default: 0] += 1
        }
        for request in state.requests.values where request.isOpen {
            guard let project = modelProject[request.version.model] else { continue }
            pendingRequests[project, default: 0] += 1
        }
    }
}
