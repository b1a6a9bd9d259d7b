/// A fact recorded in the journal. Events carry the outcome `decide` settled on,
/// so `apply` never has to judge anything and never fails.
public enum Event: Codable, Equatable, Sendable {
    case projectCreated(Project)
    case projectEdited(slug: String, ProjectEdit)
    case projectArchived(slug: String)
    case projectRestored(slug: String)
    case projectStepSet(slug: String, step: String)
    case projectStatusSet(slug: String, status: ProjectStatus)

    case stakeholderAdded(Stakeholder)
    case stakeholderEdited(handle: String, StakeholderEdit)
    case approvalRightsSet(handle: String, stages: [String])
    case stakeholderDeactivated(handle: String)

    case assigned(Assignment)
    case unassigned(AssignmentKey)

    case modelRegistered(MLModel)
    case versionRegistered(ModelVersion)
    case retrainRecorded(project: String, note: String)

    case promotionRequested(PromotionRequest)
    case approvalRecorded(request: String, Approval)
    case requestApproved(request: String)
    case requestRejected(request: String, comment: String)
    case requestWithdrawn(request: String)
    case requestSuperseded(request: String, reason: String)
    case stageChanged(StageMove)

    case challengeOpened(Challenge)
    case challengeEdited(id: String, ChallengeEdit)
    case challengeMoved(id: String, to: ChallengeStatus, note: String?)

    case commented(Comment)

    /// Every `type` this build can read; a line with another type was written by a newer mlboard.
    public static let knownTypeNames: Set<String> = [
        "projectCreated",
        "projectEdited",
        "projectArchived",
        "projectRestored",
        "projectStepSet",
        "projectStatusSet",
        "stakeholderAdded",
        "stakeholderEdited",
        "approvalRightsSet",
        "stakeholderDeactivated",
        "assigned",
        "unassigned",
        "modelRegistered",
        "versionRegistered",
        "retrainRecorded",
        "promotionRequested",
        "approvalRecorded",
        "requestApproved",
        "requestRejected",
        "requestWithdrawn",
        "requestSuperseded",
        "stageChanged",
        "challengeOpened",
        "challengeEdited",
        "challengeMoved",
        "commented",
    ]

    /// The event's name in the journal's `type` field.
    public var typeName: String {
        switch self {
        case .projectCreated: "projectCreated"
        case .projectEdited: "projectEdited"
        case .projectArchived: "projectArchived"
        case .projectRestored: "projectRestored"
        case .projectStepSet: "projectStepSet"
        case .projectStatusSet: "projectStatusSet"
        case .stakeholderAdded: "stakeholderAdded"
        case .stakeholderEdited: "stakeholderEdited"
        case .approvalRightsSet: "approvalRightsSet"
        case .stakeholderDeactivated: "stakeholderDeactivated"
        case .assigned: "assigned"
        case .unassigned: "unassigned"
        case .modelRegistered: "modelRegistered"
        case .versionRegistered: "versionRegistered"
        case .retrainRecorded: "retrainRecorded"
        case .promotionRequested: "promotionRequested"
        case .approvalRecorded: "approvalRecorded"
        case .requestApproved: "requestApproved"
        case .requestRejected: "requestRejected"
        case .requestWithdrawn: "requestWithdrawn"
        case .requestSuperseded: "requestSuperseded"
        case .stageChanged: "stageChanged"
        case .challengeOpened: "challengeOpened"
        case .challengeEdited: "challengeEdited"
        case .challengeMoved: "challengeMoved"
        case .commented: "commented"
        }
    }
}

/// An event as the journal holds it: numbered, timed and attributed.
public struct EventRecord: Codable, Equatable, Sendable {
    public var sequence: Int64
    public var at: Instant
    public var actor: Actor
    public var event: Event

    public init(sequence: Int64, at: Instant, actor: Actor, event: Event) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.event = event
    }
}
