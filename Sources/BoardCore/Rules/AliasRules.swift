extension Decider {
    /// The alias moves that `moves`, decided together, imply: a version entering a stage takes
    /// the aliases of that stage, and a version leaving it gives up the ones it held, unless
    /// another version took them in the same decision. One event per alias that changes hands.
    func aliasMoves(following moves: [StageMove], reason: String, request: String?) -> [Event] {
        guard let slug = moves.first?.version.model, let model = state.models[slug] else { return [] }
        var events: [Event] = []
        for (alias, stage) in config.policy.aliases.sorted(by: { $0.key < $1.key }) {
            let before = model.aliases[alias]
            var holder = before
            for move in moves where move.version.model == slug {
                if move.to == stage {
                    holder = move.version.number
                } else if move.from == stage && holder == move.version.number {
                    holder = nil
                }
            }
            if holder != before {
                events.append(.aliasMoved(AliasMove(
                    model: slug, alias: alias, from: before, to: holder, at: now, by: actor.handle, reason: reason,
                    request: request)))
            }
        }
        return events
    }

    /// An alias moves by hand only onto a version already in the stage it implies, and only
    /// after that stage's approvals: it is a request, approved like a promotion.
    func requestAliasMove(_ ref: VersionRef, _ alias: String, _ reason: String) throws -> [Event] {
        try requireActor()
        let version = try version(ref)
        let model = try model(ref.model)
        _ = try liveProject(model.project)
        guard let stage = config.policy.aliases[alias] else {
            let known = config.policy.aliases.keys.sorted().joined(separator: ", ")
            throw RuleViolation(.unknownVocabulary, "alias '\(alias.prefix(80))' is not one of the workspace's aliases: \(known)")
        }
        guard version.stage == stage else {
            throw RuleViolation(
                .stageOrder,
                "@\(alias) names a version in \(stage), and \(ref) is in \(version.stage); request its promotion to \(stage) instead, which moves @\(alias) with it")
        }
        guard model.aliases[alias] != ref.number else {
            throw RuleViolation(.nothingToChange, "@\(alias) already names \(ref)")
        }
        try Validate.longText(reason, field: "reason", required: true)
        if let open = openRequests(for: [ref]).first(where: { $0.alias == alias }) {
            throw RuleViolation(.duplicateOpenRequest, "\(ref) already has open request \(open.id) for @\(alias)")
        }
        let request = PromotionRequest(
            id: "PR-\(state.counters.requests + 1)", version: ref, fromStage: version.stage, toStage: stage,
            reason: reason, requestedBy: actor.handle, requestedAt: now, alias: alias)
        return [.promotionRequested(request)]
    }

    /// The quorum of an alias request is reached: the alias moves, nothing else does.
    func aliasCompletion(of request: PromotionRequest, alias: String) -> [Event] {
        let from = state.models[request.version.model]?.aliases[alias]
        return [
            .requestApproved(request: request.id),
            .aliasMoved(AliasMove(
                model: request.version.model, alias: alias, from: from, to: request.version.number, at: now,
                by: actor.handle, reason: request.reason, request: request.id)),
        ]
    }
}
