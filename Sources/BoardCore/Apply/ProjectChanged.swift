extension Event {
    /// The slug of the project whose entry in `BoardState.projects` applying this event may
    /// change; nil for events that leave every project as it is. Kept beside `apply`, which
    /// these cases mirror: a new case that writes to `projects` must be listed here.
    public var projectChanged: String? {
        switch self {
        case .projectCreated(let project): project.slug
        case .projectEdited(let slug, _), .projectArchived(let slug), .projectRestored(let slug), .projectStepSet(let slug, _), .projectStatusSet(let slug, _):
            slug
        case .retrainRecorded(let project, _): project
        case .stakeholderAdded, .stakeholderEdited, .approvalRightsSet, .stakeholderDeactivated, .assigned, .unassigned,
             .modelRegistered, .versionRegistered, .promotionRequested, .approvalRecorded, .requestApproved, .requestRejected,
             .requestWithdrawn, .requestSuperseded, .stageChanged, .aliasMoved, .challengeOpened, .challengeEdited, .challengeMoved, .commented,
             .bridgeSynced, .keyAdded, .keyRevoked, .rootKeySet, .signaturePolicySet:
            nil
        }
    }
}
