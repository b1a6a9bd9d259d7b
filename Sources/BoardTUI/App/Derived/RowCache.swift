import BoardCore

/// What a derived value was computed from: parts of the state (compared by storage) and the
/// screen's inputs (filter text, sort, who is looking, generations of other derived values).
struct DerivedFrom: Equatable {
    var parts: [SameStorage]
    var texts: [String] = []
    var numbers: [Int] = []
}

/// Open requests someone may act on, oldest first, and their ids.
struct Awaiting {
    var requests: [PromotionRequest]
    var ids: Set<String>
}

/// Projects that may fall overdue for retraining, by the instant they do.
struct RetrainDue {
    var dues: [(at: Instant, slug: String)]

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

/// Everything the panes derive from the state, kept between frames. A frame that follows a
/// key press without a change to the state draws from here; a change recomputes only what is
/// derived from the collections it touched (a comment touches none of them). One cache serves
/// one configuration: the dashboard starts a new one when the configuration changes.
final class RowCache {
    let config: WorkspaceConfig

    init(config: WorkspaceConfig) { self.config = config }

    let nameKeys = NameKeys()
    let tallies = Memo<DerivedFrom, SummaryTallies>()
    let summaries = Memo<DerivedFrom, [ProjectSummary]>()
    let projects = Memo<DerivedFrom, [ProjectSummary]>()
    let stakeholders = Memo<DerivedFrom, [Stakeholder]>()
    let assignmentCounts = Memo<DerivedFrom, [String: Int]>()
    let matrixProject = Memo<DerivedFrom, String?>()
    let matrixPeople = Memo<DerivedFrom, [Stakeholder]>()
    let versionsByStage = Memo<DerivedFrom, [(stage: String, versions: [ModelVersion])]>()
    let openRequestsByVersion = Memo<DerivedFrom, [VersionRef: [PromotionRequest]]>()
    let challenges = Memo<DerivedFrom, [Challenge]>()
    let openChallengesByCategory = Memo<DerivedFrom, [(label: String, value: Int)]>()
    let blockers = Memo<DerivedFrom, [String: [Challenge]]>()
    let awaiting = Memo<DerivedFrom, Awaiting>()
    let requests = Memo<DerivedFrom, [PromotionRequest]>()
    let othersOpenRequests = Memo<DerivedFrom, [PromotionRequest]>()
    let activity = Memo<DerivedFrom, [ActivityEntry]>()
    let projectsPerStep = Memo<DerivedFrom, [(label: String, value: Int)]>()
    let modelsInProduction = Memo<DerivedFrom, Set<String>>()
    let productionShare = Memo<DerivedFrom, (inProduction: Int, total: Int)>()
    let openChallengesBySeverity = Memo<DerivedFrom, [Severity: Int]>()
    let retrainDue = Memo<DerivedFrom, RetrainDue>()
}
