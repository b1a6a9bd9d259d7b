extension BoardState {
    /// Models of live projects that have at least one version in production, over all such models.
    public var productionShare: (inProduction: Int, total: Int) {
        let live = models.values.filter { projects[$0.project]?.archived == false }
        let production = config.policy.productionStage
        let withProduction = Set(versions.values.filter { $0.stage == production }.map(\.ref.model))
        let inProduction = live.filter { withProduction.contains($0.slug) }.count
        return (inProduction, live.count)
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
