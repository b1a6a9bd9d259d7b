/// Folds one recorded event into the state. Never fails: `decide` already judged the
/// event, and an event naming something missing (from a hand-edited journal) changes nothing.
public func apply(_ record: EventRecord, to state: inout BoardState) {
    applyEvent(record, to: &state)
    state.lastSequence = record.sequence
    state.activity.append(ActivityEntry(
        sequence: record.sequence, at: record.at, actor: record.actor.handle,
        summary: ActivityText.summary(of: record.event), signature: record.signature))
    if state.activity.count > BoardState.activityLimit {
        state.activity.removeFirst(state.activity.count - BoardState.activityLimit)
    }
}

/// Returns the state after `records`, starting from `state`.
public func replay(_ records: [EventRecord], onto state: BoardState) -> BoardState {
    var result = state
    for record in records { apply(record, to: &result) }
    return result
}

private func applyEvent(_ record: EventRecord, to state: inout BoardState) {
    switch record.event {
    case .projectCreated, .projectEdited, .projectArchived, .projectRestored, .projectStepSet, .projectStatusSet, .retrainRecorded:
        applyProjectEvent(record, to: &state)
    case .stakeholderAdded, .stakeholderEdited, .approvalRightsSet, .stakeholderDeactivated, .assigned, .unassigned:
        applyTeamEvent(record.event, to: &state)
    case .modelRegistered, .versionRegistered, .stageChanged, .aliasMoved:
        applyModelEvent(record, to: &state)
    case .promotionRequested, .approvalRecorded, .requestApproved, .requestRejected, .requestWithdrawn,
         .requestSuperseded:
        applyRequestEvent(record, to: &state)
    case .challengeOpened, .challengeEdited, .challengeMoved:
        applyChallengeEvent(record, to: &state)
    case .commented(let comment):
        state.counters.comments = max(state.counters.comments, IdNumber.of(comment.id))
    case .keyAdded, .keyRevoked, .rootKeySet, .signaturePolicySet:
        state.signing.apply(record)
    case .bridgeSynced(var sync):
        sync.sequence = record.sequence
        state.bridgeSyncs[sync.bridge] = sync
    }
}

private func applyProjectEvent(_ record: EventRecord, to state: inout BoardState) {
    switch record.event {
    case .projectCreated(let project):
        state.projects[project.slug] = project
    case .projectEdited(let slug, let edit):
        guard var project = state.projects[slug] else { return }
        if let name = edit.name { project.name = name }
        if let description = edit.description { project.description = description }
        if let goal = edit.goal { project.goal = goal }
        if let others = edit.otherGoals { project.otherGoals = others }
        if let basis = edit.priorityBasis { project.priorityBasis = basis }
        if let areas = edit.impactAreas { project.impactAreas = areas }
        if let cadence = edit.cadence { project.cadence = cadence }
        state.projects[slug] = project
    case .projectArchived(let slug):
        state.projects[slug]?.archived = true
    case .projectRestored(let slug):
        state.projects[slug]?.archived = false
    case .projectStepSet(let slug, let step):
        state.projects[slug]?.step = step
    case .projectStatusSet(let slug, let status):
        state.projects[slug]?.status = status
    case .retrainRecorded(let slug, _):
        state.projects[slug]?.lastRetrainAt = record.at
    default:
        return
    }
}

private func applyTeamEvent(_ event: Event, to state: inout BoardState) {
    switch event {
    case .stakeholderAdded(let person):
        state.stakeholders[person.handle] = person
    case .stakeholderEdited(let handle, let edit):
        guard var person = state.stakeholders[handle] else { return }
        if let name = edit.name { person.name = name }
        if let role = edit.role { person.role = role }
        if let email = edit.email { person.email = email.isEmpty ? nil : email }
        if let isLead = edit.isLead { person.isLead = isLead }
        state.stakeholders[handle] = person
    case .approvalRightsSet(let handle, let stages):
        state.stakeholders[handle]?.approvalStages = stages
    case .stakeholderDeactivated(let handle):
        state.stakeholders[handle]?.active = false
    case .assigned(let assignment):
        state.assignments[assignment.key] = assignment
    case .unassigned(let key):
        state.assignments[key] = nil
    default:
        return
    }
}

private func applyModelEvent(_ record: EventRecord, to state: inout BoardState) {
    switch record.event {
    case .modelRegistered(var model):
        model.aliases = [:]  // aliases move only by their own events
        state.models[model.slug] = model
    case .versionRegistered(let version):
        state.versions[version.ref] = version
    case .stageChanged(let move):
        state.versions[move.version]?.stage = move.to
        state.stageMoves.append(move)
    case .aliasMoved(var move):
        guard state.models[move.model] != nil else { return }
        state.models[move.model]?.aliases[move.alias] = move.to
        move.sequence = record.sequence
        state.aliasMoves.append(move)
    default:
        return
    }
}

private func applyRequestEvent(_ record: EventRecord, to state: inout BoardState) {
    func close(_ id: String, as status: PromotionRequest.Status, comment: String?) {
        guard var request = state.requests[id] else { return }
        request.status = status
        request.closedAt = record.at
        request.closedBy = record.actor.handle
        request.closingComment = comment
        state.requests[id] = request
    }
    switch record.event {
    case .promotionRequested(let request):
        state.requests[request.id] = request
        state.counters.requests = max(state.counters.requests, IdNumber.of(request.id))
    case .approvalRecorded(let id, var approval):
        approval.signature = record.signature  // the reader's finding, never the line's claim
        state.requests[id]?.approvals.append(approval)
    case .requestApproved(let id):
        close(id, as: .approved, comment: nil)
    case .requestRejected(let id, let comment):
        close(id, as: .rejected, comment: comment)
    case .requestWithdrawn(let id):
        close(id, as: .withdrawn, comment: nil)
    case .requestSuperseded(let id, let reason):
        close(id, as: .superseded, comment: reason)
    default:
        return
    }
}

private func applyChallengeEvent(_ record: EventRecord, to state: inout BoardState) {
    switch record.event {
    case .challengeOpened(let challenge):
        state.challenges[challenge.id] = challenge
        state.counters.challenges = max(state.counters.challenges, IdNumber.of(challenge.id))
    case .challengeEdited(let id, let edit):
        guard var challenge = state.challenges[id] else { return }
        if let title = edit.title { challenge.title = title }
        if let description = edit.description { challenge.description = description }
        if let category = edit.category { challenge.category = category }
        if let severity = edit.severity { challenge.severity = severity }
        if let owner = edit.owner { challenge.owner = owner.isEmpty ? nil : owner }
        challenge.updatedAt = record.at
        state.challenges[id] = challenge
    case .challengeMoved(let id, let status, let note):
        guard var challenge = state.challenges[id] else { return }
        challenge.status = status
        if status.needsNote { challenge.resolution = note } else if status.isOpen { challenge.resolution = nil }
        challenge.updatedAt = record.at
        state.challenges[id] = challenge
    default:
        return
    }
}

/// The number in a generated id such as "PR-12".
public enum IdNumber {
    /// The number after an id's last dash ("CM-12" is 12), 0 when there is none: the last part
    /// of `id.split(separator: "-")`, found without building the parts (replay reads it per comment).
    public static func of(_ id: String) -> Int {
        if id.utf8.allSatisfy({ $0 < 0x80 }) { return ofASCII(id) }
        guard let lastKept = id.lastIndex(where: { $0 != "-" }) else { return 0 }
        let parts = id[...lastKept]
        let last = parts.lastIndex(of: "-").map { parts[parts.index(after: $0)...] } ?? parts
        return Int(last) ?? 0
    }

    /// The same over bytes: in ASCII every byte is a character.
    private static func ofASCII(_ id: String) -> Int {
        let bytes = id.utf8
        let dash = UInt8(ascii: "-")
        guard let lastKept = bytes.lastIndex(where: { $0 != dash }) else { return 0 }
        let start = bytes[...lastKept].lastIndex(of: dash).map { bytes.index(after: $0) } ?? bytes.startIndex
        return Int(Substring(bytes[start...lastKept])) ?? 0
    }
}
