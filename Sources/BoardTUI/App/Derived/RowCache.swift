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

/// What the project list is derived from: the projects and the tallies of their models,
/// versions, challenges and requests (with the generation of the tallies, to tell them apart).
struct SummarySource: Sendable {
    var projectsAt: ProjectsAt
    var tallies: SummaryTallies
    var talliesGeneration: Int
}

/// How many models a project has, and how many of them have a version in production.
struct ModelCount {
    var models = 0
    var inProduction = 0
}

/// Everything the panes derive from the state, kept between frames. A frame that follows a
/// key press without a change to the state draws from here; a change recomputes only what is
/// derived from the collections it touched (a comment touches none of them), and a change to a
/// few projects patches what is derived from the projects for those alone. One cache serves
/// one configuration: the dashboard starts a new one when the configuration changes.
final class RowCache {
    let config: WorkspaceConfig

    init(config: WorkspaceConfig, changeLog: ProjectChangeLog? = nil) {
        self.config = config
        projectChanges = ProjectChanges(log: changeLog)
    }

    let nameKeys = NameKeys()
    let projectChanges: ProjectChanges
    let tallies = Memo<DerivedFrom, SummaryTallies>()
    let projects = Patched<SummarySource, [ProjectSummary]>()
    let archivedProjects = Memo<DerivedFrom, [ProjectSummary]>()
    let stakeholders = Memo<DerivedFrom, [Stakeholder]>()
    let assignmentCounts = Memo<DerivedFrom, [String: Int]>()
    let matrixProject = Patched<ProjectsAt, String?>()
    let matrixPeople = Memo<DerivedFrom, [Stakeholder]>()
    let matrixHeaders = Memo<DerivedFrom, MatrixHeaders>()
    let decisionsOutOfReach = Memo<DerivedFrom, Set<Action>>()
    let versionsByStage = Memo<DerivedFrom, [(stage: String, versions: [ModelVersion])]>()
    let openRequestsByVersion = Memo<DerivedFrom, [VersionRef: [PromotionRequest]]>()
    let challenges = Memo<DerivedFrom, [Challenge]>()
    let openChallengesByCategory = Memo<DerivedFrom, [(label: String, value: Int)]>()
    let blockers = Memo<DerivedFrom, [String: [Challenge]]>()
    let awaiting = Memo<DerivedFrom, Awaiting>()
    let requests = Memo<DerivedFrom, [PromotionRequest]>()
    let othersOpenRequests = Memo<DerivedFrom, [PromotionRequest]>()
    let activity = Memo<DerivedFrom, [ActivityEntry]>()
    let projectsPerStep = Patched<ProjectsAt, [(label: String, value: Int)]>()
    let modelsInProduction = Memo<DerivedFrom, Set<String>>()
    let modelsPerProject = Memo<DerivedFrom, [String: ModelCount]>()
    let productionShare = Patched<ProjectsAt, (inProduction: Int, total: Int)>()
    let openChallengesBySeverity = Memo<DerivedFrom, [Severity: Int]>()
    let retrainDue = Patched<ProjectsAt, RetrainDue>()
}
