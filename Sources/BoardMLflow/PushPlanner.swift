import BoardCore

/// Compares one pulled model as mlboard has it with the same model on the MLflow server and
/// lists the changes that make MLflow agree: aliases first (what deployments read), then
/// stages, then the tags saying who approved each alias move and at which journal sequence.
enum PushPlanner {
    static let approvedByTag = "mlboard.approved_by"
    static let sequenceTag = "mlboard.sequence"

    /// `registered` and `versions` are the server's current view of the model mlboard calls `slug`.
    static func changes(
        slug: String, state: BoardState, registered: MLflowRegisteredModel, versions: [MLflowModelVersion]
    ) -> [RegistryChange] {
        guard let model = state.models[slug] else { return [] }
        let name = registered.name
        let pulled = RegistryMapping.pulledVersions(of: slug, in: state)
        var mlflowNumber: [Int: String] = [:]
        for (mlflowVersion, ref) in pulled { mlflowNumber[ref.number] = mlflowVersion }
        let onServer = Dictionary(versions.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [RegistryChange] = []

        let moves = state.aliasMoves.filter { $0.model == slug }
        let managed = Set(state.config.policy.aliases.keys).union(moves.map(\.alias)).union(model.aliases.keys)
        let current = Dictionary((registered.aliases ?? []).map { ($0.alias, $0.version) }, uniquingKeysWith: { _, last in last })
        for alias in managed.sorted() {
            let wanted = model.aliases[alias].flatMap { mlflowNumber[$0] }.flatMap { onServer[$0] == nil ? nil : $0 }
            let have = current[alias]
            guard wanted != have else { continue }
            if let wanted {
                changes.append(.setAlias(model: name, alias: alias, version: wanted))
            } else if let have {
                changes.append(.deleteAlias(model: name, alias: alias, version: have))
            }
        }

        let serverHasStages = versions.contains { $0.currentStage != nil }
        if serverHasStages {
            let moved = Set(state.stageMoves.filter { $0.version.model == slug }.map(\.version.number))
            for number in moved.sorted() {
                guard let version = state.versions[VersionRef(model: slug, number: number)],
                      let mlflowVersion = mlflowNumber[number], let there = onServer[mlflowVersion]
                else { continue }
                let wanted = StageNames.mlflowStage(for: version.stage, config: state.config)
                let have = there.currentStage ?? "None"
                if wanted != have { changes.append(.transitionStage(model: name, version: mlflowVersion, from: have, to: wanted)) }
            }
        }

        for (number, move) in latestMoveOntoHolders(model: model, moves: moves).sorted(by: { $0.key < $1.key }) {
            guard let mlflowVersion = mlflowNumber[number], let there = onServer[mlflowVersion] else { continue }
            let tags = there.tagValues
            let wanted = [(approvedByTag, approvers(of: move, in: state)), (sequenceTag, String(move.sequence))]
            for (key, value) in wanted where tags[key] != value {
                changes.append(.setTag(model: name, version: mlflowVersion, key: key, value: value))
            }
        }
        return changes
    }

    /// The approvers of the request behind the move; a move without one (a rollback) was
    /// made by a person with the approval right, who is named instead.
    private static func approvers(of move: AliasMove, in state: BoardState) -> String {
        let approvals = move.request.flatMap { state.requests[$0] }?.approvals.filter(\.counts).map(\.by) ?? []
        return (approvals.isEmpty ? [move.by] : approvals).joined(separator: ",")
    }

    /// For each version holding an alias, the latest move that put an alias on it.
    private static func latestMoveOntoHolders(model: MLModel, moves: [AliasMove]) -> [Int: AliasMove] {
        var latest: [Int: AliasMove] = [:]
        for (alias, number) in model.aliases {
            guard let move = moves.last(where: { $0.alias == alias && $0.to == number }) else { continue }
            if let known = latest[number], known.sequence >= move.sequence { continue }
            latest[number] = move
        }
        return latest
    }
}
