extension BoardState {
    /// Models of live projects that have at least one version in production, over all such models.
    public var productionShare: (inProduction: Int, total: Int) {
        let production = config.policy.productionStage
        var withProduction: Set<String> = []
        for version in versions.values where version.stage == production { withProduction.insert(version.ref.model) }
        var live = 0, inProduction = 0
        for model in models.values where projects[model.project]?.archived == false {
            live += 1
            if withProduction.contains(model.slug) { inProduction += 1 }
        }
        return (inProduction, live)
    }

    /// The number of versions in each stage, in stage order: the promotion funnel.
    public var versionFunnel: [(stage: String, count: Int)] {
        config.stages.map { stage in (stage, versions.values.filter { $0.stage == stage }.count) }
    }

    /// Every move of a model's versions, oldest first.
    public func stageHistory(of model: String) -> [StageMove] {
        stageMoves.filter { $0.version.model == model }
    }

    /// Which versions of `model` stood in each stage at `moment`, by replaying its moves.
    public func stageOccupants(of model: String, at moment: Instant) -> [String: [Int]] {
        var stageOf: [Int: String] = [:]
        for version in versions(of: model) where version.registeredAt <= moment {
            stageOf[version.ref.number] = config.initialStage
        }
        for move in stageHistory(of: model) where move.at <= moment {
            stageOf[move.version.number] = move.to
        }
        var result: [String: [Int]] = [:]
        for (number, stage) in stageOf { result[stage, default: []].append(number) }
        return result.mapValues { $0.sorted() }
    }
}

extension BoardState {
    /// The distinct people whose approvals of `request` count toward its quorum: a badly signed
    /// approval, or one by someone without the right to approve its stage, is not counted.
    public func countedApprovers(of request: PromotionRequest) -> Set<String> {
        Set(request.approvals.filter { approval in
            approval.counts && stakeholders[approval.by]?.mayApprove(to: request.toStage) == true
        }.map(\.by))
    }
}
