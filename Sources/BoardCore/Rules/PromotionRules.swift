import Foundation

extension Decider {
    func requestPromotion(_ ref: VersionRef, _ target: String, _ reason: String) throws -> [Event] {
        try requireActor()
        let version = try version(ref)
        let model = try model(ref.model)
        _ = try liveProject(model.project)
        try Validate.member(target, of: config.stages, field: "target stage")
        try checkStageOrder(from: version.stage, to: target, version: ref)
        try Validate.longText(reason, field: "reason", required: true)
        if let open = openRequests(for: [ref]).first(where: { $0.toStage == target && $0.alias == nil }) {
            throw RuleViolation(.duplicateOpenRequest, "\(ref) already has open request \(open.id) to \(target)")
        }
        let request = PromotionRequest(
            id: "PR-\(state.counters.requests + 1)", version: ref, fromStage: version.stage, toStage: target,
            reason: reason, requestedBy: actor.handle, requestedAt: now)
        return [.promotionRequested(request)]
    }

    /// One stage up the ladder, or to the archive stage from anywhere else.
    private func checkStageOrder(from current: String, to target: String, version: VersionRef) throws {
        let archive = config.policy.archiveStage
        guard current != archive else {
            throw RuleViolation(.stageOrder, "\(version) is \(archive); an archived version cannot be promoted")
        }
        if target == archive { return }
        let ladder = config.ladder
        guard let from = ladder.firstIndex(of: current), let to = ladder.firstIndex(of: target), to == from + 1 else {
            let next = ladder.firstIndex(of: current).flatMap { $0 + 1 < ladder.count ? ladder[$0 + 1] : nil }
            let allowed = [next, archive].compactMap { $0 }.joined(separator: " or ")
            throw RuleViolation(.stageOrder, "\(version) is in \(current); it may go to \(allowed), not \(target)")
        }
    }

    /// Who may approve (or reject) request `id`: the checks on the person and the request, before
    /// anything about the version's gates or what the decision would move.
    func deciderChecks(_ id: String, rejecting: Bool) throws -> (approver: Stakeholder, request: PromotionRequest) {
        let approver = try requireActor()
        let request = try openRequest(id)
        guard approver.mayApprove(to: request.toStage) else {
            throw RuleViolation(.approvalRight, "'\(approver.handle)' has no right to \(rejecting ? "reject" : "approve") promotions to \(request.toStage)")
        }
        if rejecting { return (approver, request) }
        guard request.requestedBy != approver.handle else {
            throw RuleViolation(.separationOfDuties, "'\(approver.handle)' requested \(id) and may not approve it")
        }
        guard !request.approvals.contains(where: { $0.by == approver.handle && $0.counts }) else {
            throw RuleViolation(.oneApprovalPerPerson, "'\(approver.handle)' has already approved \(id)")
        }
        _ = try currentVersion(of: request)
        return (approver, request)
    }

    func approve(_ id: String, _ comment: String?, _ overrideReason: String?) throws -> [Event] {
        let (approver, request) = try deciderChecks(id, rejecting: false)
        if let comment { try Validate.longText(comment, field: "comment") }
        let version = try currentVersion(of: request)
        let failures = gateFailures(for: version, entering: request.toStage)
        let override = overrideReason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if !failures.isEmpty && (override ?? "").isEmpty {
            throw RuleViolation(
                .gateFailed,
                "\(id) cannot be approved: \(failures.joined(separator: "; ")); approve with an override reason to pass it")
        }
        if let overrideReason { try Validate.longText(overrideReason, field: "override reason") }
        let approval = Approval(
            by: approver.handle, at: now, comment: comment, overrideReason: failures.isEmpty ? nil : overrideReason,
            failedGates: failures)
        var events: [Event] = [.approvalRecorded(request: id, approval)]
        if state.countedApprovers(of: request).subtracting([approver.handle]).count + 1 >= config.approvalsRequired(for: request.toStage) {
            events += completion(of: request, version: version)
        }
        return events
    }

    /// The quorum is reached: move the version, archive what it replaces, move the aliases
    /// those moves imply, supersede the rest.
    private func completion(of request: PromotionRequest, version: ModelVersion) -> [Event] {
        if let alias = request.alias { return aliasCompletion(of: request, alias: alias) }
        let policy = config.policy
        var moves = [StageMove(
            version: version.ref, from: version.stage, to: request.toStage, at: now, by: actor.handle,
            reason: request.reason, request: request.id)]
        if request.toStage == policy.productionStage && policy.archiveReplacedVersion {
            for replaced in versions(of: version.ref.model)
            where replaced.stage == policy.productionStage && replaced.ref != version.ref {
                moves.append(StageMove(
                    version: replaced.ref, from: replaced.stage, to: policy.archiveStage, at: now, by: actor.handle,
                    reason: "replaced in \(policy.productionStage) by v\(version.ref.number)", request: request.id))
            }
        }
        var events: [Event] = [.requestApproved(request: request.id)] + moves.map { .stageChanged($0) }
        events += aliasMoves(following: moves, reason: request.reason, request: request.id)
        let affected = Set(moves.map(\.version))
        for other in openRequests(for: affected) where other.id != request.id {
            events.append(.requestSuperseded(request: other.id, reason: "\(version.ref) moved to \(request.toStage) by \(request.id)"))
        }
        return events
    }

    func reject(_ id: String, _ comment: String) throws -> [Event] {
        _ = try deciderChecks(id, rejecting: true)
        guard !comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw RuleViolation(.commentRequired, "rejecting \(id) needs a comment saying why")
        }
        try Validate.longText(comment, field: "comment")
        return [.requestRejected(request: id, comment: comment)]
    }

    func withdraw(_ id: String) throws -> [Event] {
        let person = try requireActor()
        let request = try openRequest(id)
        guard request.requestedBy == person.handle || person.isLead else {
            throw RuleViolation(.requesterOnly, "only '\(request.requestedBy)', who requested \(id), or a lead may withdraw it")
        }
        return [.requestWithdrawn(request: id)]
    }

    private func openRequest(_ id: String) throws -> PromotionRequest {
        let request = try request(id)
        guard request.isOpen else {
            throw RuleViolation(.requestNotOpen, "\(id) is already \(request.status.rawValue)")
        }
        return request
    }

    /// The version as it is now; a request made when it stood elsewhere is stale.
    private func currentVersion(of request: PromotionRequest) throws -> ModelVersion {
        let version = try version(request.version)
        guard version.stage == request.fromStage else {
            throw RuleViolation(
                .staleRequest,
                "\(request.version) has moved to \(version.stage) since \(request.id) was made from \(request.fromStage)")
        }
        return version
    }
}
