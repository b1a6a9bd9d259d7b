extension Decider {
    func registerModel(_ model: MLModel) throws -> [Event] {
        try requireActor()
        try Validate.slug(model.slug, field: "model slug")
        guard state.models[model.slug] == nil else {
            throw RuleViolation(.duplicateId, "model '\(model.slug)' already exists")
        }
        _ = try liveProject(model.project)
        try Validate.name(model.name, field: "model name")
        try Validate.longText(model.description, field: "model description")
        for threshold in model.thresholds {
            try Validate.name(threshold.metric, field: "threshold metric")
            guard threshold.value.isFinite else {
                throw RuleViolation(.invalidText, "threshold on '\(threshold.metric)' must be a finite number")
            }
        }
        if let key = model.keyMetric { try Validate.name(key, field: "key metric") }
        return [.modelRegistered(model)]
    }

    func registerVersion(
        _ slug: String, _ metrics: [String: Double], _ source: String, _ lineage: VersionLineage
    ) throws -> [Event] {
        try requireActor()
        let model = try model(slug)
        _ = try liveProject(model.project)
        try Validate.name(source, field: "source reference")
        for (name, value) in metrics {
            try Validate.name(name, field: "metric name")
            guard value.isFinite else { throw RuleViolation(.invalidText, "metric '\(name)' must be a finite number") }
        }
        try Validate.lineage(lineage)
        let number = (versions(of: slug).last?.ref.number ?? 0) + 1
        let version = ModelVersion(
            ref: VersionRef(model: slug, number: number), metrics: metrics, source: source,
            stage: config.initialStage, registeredAt: now, registeredBy: actor.handle, lineage: lineage)
        return [.versionRegistered(version)]
    }

    /// Puts the previous production version back: the current one is archived and the
    /// version most recently moved out of production returns.
    func rollback(_ slug: String, _ reason: String) throws -> [Event] {
        let person = try requireActor()
        let model = try model(slug)
        _ = try liveProject(model.project)
        let production = config.policy.productionStage
        guard person.mayApprove(to: production) else {
            throw RuleViolation(.approvalRight, "'\(person.handle)' may not approve for \(production), so may not roll back '\(slug)'")
        }
        try Validate.longText(reason, field: "rollback reason", required: true)
        let current = versions(of: slug).filter { $0.stage == production }
        guard let previous = previousProductionVersion(of: slug, excluding: current.map(\.ref)) else {
            throw RuleViolation(.nothingToRollBack, "model '\(slug)' has no earlier production version to return to")
        }
        var moves = current.map { version in
            StageMove(
                version: version.ref, from: production, to: config.policy.archiveStage, at: now,
                by: actor.handle, reason: "rolled back: \(reason)")
        }
        moves.append(StageMove(
            version: previous.ref, from: previous.stage, to: production, at: now, by: actor.handle,
            reason: "rollback: \(reason)"))
        var events: [Event] = moves.map { .stageChanged($0) }
        events += aliasMoves(following: moves, reason: "rollback: \(reason)", request: nil)
        let touched = Set(moves.map(\.version))
        for request in openRequests(for: touched) {
            events.append(.requestSuperseded(request: request.id, reason: "model '\(slug)' was rolled back"))
        }
        return events
    }

    private func previousProductionVersion(of slug: String, excluding current: [VersionRef]) -> ModelVersion? {
        let production = config.policy.productionStage
        let leavers = state.stageMoves.reversed().filter {
            $0.version.model == slug && $0.from == production && !current.contains($0.version)
        }
        for move in leavers {
            if let version = state.versions[move.version], version.stage != production { return version }
        }
        return nil
    }
}
