/// Every change a person can make, from the dashboard or the command line.
/// `decide` turns a command into events or refuses it with a `RuleViolation`.
public enum Command: Equatable, Sendable {
    case createProject(NewProject)
    case editProject(slug: String, ProjectEdit)
    case archiveProject(slug: String)
    case restoreProject(slug: String)
    case setProjectStep(slug: String, step: String)
    case setProjectStatus(slug: String, status: ProjectStatus)

    case addStakeholder(Stakeholder)
    case editStakeholder(handle: String, StakeholderEdit)
    case setApprovalRights(handle: String, stages: [String])
    case deactivateStakeholder(handle: String)

    case assign(project: String, step: String, stakeholder: String, raci: RACI)
    case unassign(project: String, step: String, stakeholder: String)

    case registerModel(MLModel)
    case registerVersion(model: String, metrics: [String: Double], source: String, lineage: VersionLineage = VersionLineage())
    case recordRetrain(project: String, note: String)

    case requestPromotion(version: VersionRef, to: String, reason: String)
    case approve(request: String, comment: String?, overrideReason: String?)
    case reject(request: String, comment: String)
    case withdraw(request: String)
    case rollback(model: String, reason: String)
    /// Asks for `alias` to name `version`, which must already be in the stage the alias implies.
    case requestAliasMove(version: VersionRef, alias: String, reason: String)

    case openChallenge(NewChallenge)
    case editChallenge(id: String, ChallengeEdit)
    case moveChallenge(id: String, to: ChallengeStatus, note: String?)

    case comment(on: CommentTarget, body: String)

    /// A bridge (e.g. the MLflow one) changed something in mlboard or in the system it bridges to.
    case recordBridgeSync(bridge: String, target: String, pulled: Int, pushed: Int)

    case addKey(handle: String, fingerprint: String, publicKey: String)
    case revokeKey(fingerprint: String)
    case setRootKey(fingerprint: String)
    case setSignaturePolicy(SignaturePolicy)
}

public struct NewProject: Equatable, Sendable {
    public var slug: String
    public var name: String
    public var description: String
    public var goal: String
    public var otherGoals: [String]
    public var priorityBasis: String?
    public var impactAreas: [String]
    public var cadence: String?
    public var step: String?

    public init(
        slug: String, name: String, description: String = "", goal: String, otherGoals: [String] = [],
        priorityBasis: String? = nil, impactAreas: [String] = [], cadence: String? = nil, step: String? = nil
    ) {
        self.slug = slug
        self.name = name
        self.description = description
        self.goal = goal
        self.otherGoals = otherGoals
        self.priorityBasis = priorityBasis
        self.impactAreas = impactAreas
        self.cadence = cadence
        self.step = step
    }
}

public struct NewChallenge: Equatable, Sendable {
    public var project: String?
    public var category: String
    public var severity: Severity
    public var owner: String?
    public var title: String
    public var description: String

    public init(
        project: String?, category: String, severity: Severity, owner: String?, title: String,
        description: String = ""
    ) {
        self.project = project
        self.category = category
        self.severity = severity
        self.owner = owner
        self.title = title
        self.description = description
    }
}
