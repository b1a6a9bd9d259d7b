extension BoardState {
    /// Summaries of all live projects in one pass over models, versions, challenges and
    /// requests: what a list of thousands of projects needs each frame, where calling
    /// `summary(of:now:)` per project would scan everything once per project.
    public func liveSummaries(now: Instant) -> [ProjectSummary] {
        var modelProject: [String: String] = [:]
        for model in models.values { modelProject[model.slug] = model.project }
        var byStage: [String: [String: Int]] = [:]
        for version in versions.values {
            guard let project = modelProject[version.ref.model] else { continue }
            byStage[project, default: [:]][version.stage, default: 0] += 1
        }
        var bySeverity: [String: [Severity: Int]] = [:]
        for challenge in challenges.values where challenge.status.isOpen {
            guard let project = challenge.project else { continue }
            bySeverity[project, default: [:]][challenge.severity, default: 0] += 1
        }
        var pending: [String: Int] = [:]
        for request in requests.values where request.isOpen {
            guard let project = modelProject[request.version.model] else { continue }
            pending[project, default: 0] += 1
        }
        var stepNumbers: [String: Int] = [:]
        for (index, step) in config.lifecycleSteps.enumerated() { stepNumbers[step] = index + 1 }
        return projects.values.filter { !$0.archived }.map { project in
            ProjectSummary(
                slug: project.slug, name: project.name, goal: project.goal, step: project.step,
                stepNumber: stepNumbers[project.step] ?? 1, stepCount: config.lifecycleSteps.count,
                status: project.status, versionsByStage: byStage[project.slug] ?? [:],
                openChallengesBySeverity: bySeverity[project.slug] ?? [:], pendingRequests: pending[project.slug] ?? 0,
                daysOverdue: daysOverdue(project, now: now))
        }
    }
}
