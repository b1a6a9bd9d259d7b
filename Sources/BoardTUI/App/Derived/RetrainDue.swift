import BoardCore

/// Projects that may fall overdue for retraining, by the instant they do (then by slug).
struct RetrainDue {
    private var dues: [(at: Instant, slug: String)]
    /// Days of each retraining cadence, by name; the first of a name counts, as in `config.cadence(named:)`.
    private let cadenceDays: [String: Int]

    init(of projects: [String: Project], config: WorkspaceConfig) {
        var cadenceDays: [String: Int] = [:]
        for cadence in config.retrainingCadences.reversed() { cadenceDays[cadence.name] = cadence.days }
        self.cadenceDays = cadenceDays
        dues = []
        for project in projects.values {
            if let at = due(of: project) { dues.append((at, project.slug)) }
        }
        dues.sort { ($0.at, $0.slug) < ($1.at, $1.slug) }
    }

    /// When `project` falls overdue: nil for projects archived, not active, or on an
    /// event-driven cadence, as in `BoardState.daysOverdue(_:now:)`.
    private func due(of project: Project) -> Instant? {
        guard !project.archived, project.status == .active, let name = project.cadence, let days = cadenceDays[name] else { return nil }
        return project.lastRetrainAt.adding(days: days)
    }

    /// Follows a project from `old` to `new` (either nil when absent); false when `old` was
    /// due but is not listed, which only a list out of step with its projects would give.
    mutating func update(from old: Project?, to new: Project?) -> Bool {
        if let old, let at = due(of: old) {
            let index = firstIndex(notBefore: (at, old.slug))
            guard index < dues.count, dues[index].slug == old.slug else { return false }
            dues.remove(at: index)
        }
        if let new, let at = due(of: new) { dues.insert((at, new.slug), at: firstIndex(notBefore: (at, new.slug))) }
        return true
    }

    private func firstIndex(notBefore wanted: (Instant, String)) -> Int {
        var low = 0, high = dues.count
        while low < high {
            let middle = (low + high) / 2
            if (dues[middle].at, dues[middle].slug) < wanted { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Slugs of the projects overdue at `now`, as `BoardState.overdueProjects(now:)` gives them.
    func overdue(at now: Instant) -> [String] {
        var low = 0, high = dues.count
        while low < high {
            let middle = (low + high) / 2
            if dues[middle].at < now { low = middle + 1 } else { high = middle }
        }
        return dues.prefix(low).map(\.slug).sorted()
    }
}
