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
    case aliasMoved(AliasMove)

    case challengeOpened(Challenge)
    case challengeEdited(id: String, ChallengeEdit)
    case challengeMoved(id: String, to: ChallengeStatus, note: String?)

    case commented(Comment)

    case bridgeSynced(BridgeSync)

    case keyAdded(handle: String, fingerprint: String, publicKey: String)
    case keyRevoked(fingerprint: String)
    case rootKeySet(fingerprint: String)
    case signaturePolicySet(SignaturePolicy)

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
        "aliasMoved",
        "challengeOpened",
        "challengeEdited",
        "challengeMoved",
        "commented",
        "bridgeSynced",
        "keyAdded",
        "keyRevoked",
        "rootKeySet",
        "signaturePolicySet",
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
        case .aliasMoved: "aliasMoved"
        case .challengeOpened: "challengeOpened"
        case .challengeEdited: "challengeEdited"
        case .challengeMoved: "challengeMoved"
        case .commented: "commented"
        case .bridgeSynced: "bridgeSynced"
        case .keyAdded: "keyAdded"
        case .keyRevoked: "keyRevoked"
        case .rootKeySet: "rootKeySet"
        case .signaturePolicySet: "signaturePolicySet"
        }
    }

    /// Events that say who may sign: they must verify whatever the policy.
    public var isKeyEvent: Bool {
        switch self {
        case .keyAdded, .keyRevoked, .rootKeySet, .signaturePolicySet: true
        default: false
        }
    }
}

/// An event as the journal holds it: numbered, timed and attributed.
public struct EventRecord: Codable, Equatable, Sendable {
    public var sequence: Int64
    public var at: Instant
    public var actor: Actor
    public var event: Event
    /// What the reader found of the line's signature. Not part of the event: a reader sets it.
    public var signature: SignatureMark

    public init(sequence: Int64, at: Instant, actor: Actor, event: Event, signature: SignatureMark = .unsigned) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.event = event
        self.signature = signature
    }

    private enum CodingKeys: String, CodingKey { case sequence, at, actor, event, signature }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sequence = try container.decode(Int64.self, forKey: .sequence)
        at = try container.decode(Instant.self, forKey: .at)
        actor = try container.decode(Actor.self, forKey: .actor)
        event = try container.decode(Event.self, forKey: .event)
        signature = try container.decodeIfPresent(SignatureMark.self, forKey: .signature) ?? .unsigned
    }
}
