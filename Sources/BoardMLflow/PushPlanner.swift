import BoardCore

/// Compares one pulled model as mlboard has it with the same model on the MLflow server and
/// lists the changes that make MLflow agree: aliases first (what deployments read), then
/// stages, then the tags saying who approved each alias move and at which journal sequence.
struct PushPlanner {
    static let approvedByTag = "mlboard.approved_by"
    static let sequenceTag = "mlboard.sequence"

    let state: BoardState
    let model: MLModel
    /// The server's view of the model.
    let registered: MLflowRegisteredModel
    /// The server's versions by version number (MLflow numbers are strings).
    let onServer: [String: MLflowModelVersion]
    /// mlboard version number -> the MLflow version it was pulled from.
    let mlflowNumber: [Int: String]
    /// This model's alias moves, oldest first.
    let moves: [AliasMove]

    /// `registered` and `versions` are the server's current view of the model mlboard calls `slug`.
    static func changes(
        slug: String, state: BoardState, registered: MLflowRegisteredModel, versions: [MLflowModelVersion]
    ) -> [RegistryChange] {
        guard let model = state.models[slug] else { return [] }
        var mlflowNumber: [Int: String] = [:]
        for (mlflowVersion, ref) in RegistryMapping.pulledVersions(of: slug, in: state) { mlflowNumber[ref.number] = mlflowVersion }
        let planner = PushPlanner(
            state: state, model: model, registered: registered,
            onServer: Dictionary(versions.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first }),
            mlflowNumber: mlflowNumber, moves: state.aliasMoves.filter { $0.model == slug })
        let stages = versions.contains { $0.currentStage != nil } ? planner.stageChanges() : []
        return planner.aliasChanges() + stages + planner.tagChanges()
    }

    private var name: String { registered.name }

    /// The MLflow version for mlboard version `number`, when the server still has it.
    private func mlflowVersion(of number: Int) -> String? {
        mlflowNumber[number].flatMap { onServer[$0] == nil ? nil : $0 }
    }

    /// Each alias mlboard manages (configured, ever moved, or held) set where mlboard has it
    /// and removed where it does not; others' aliases are left alone.
    private func aliasChanges() -> [RegistryChange] {
        let managed = Set(state.config.policy.aliases.keys).union(moves.map(\.alias)).union(model.aliases.keys)
        let current = Dictionary((registered.aliases ?? []).map { ($0.alias, $0.version) }, uniquingKeysWith: { _, last in last })
        return managed.sorted().compactMap { alias in
            let wanted = model.aliases[alias].flatMap(mlflowVersion(of:))
            let have = current[alias]
            guard wanted != have else { return nil }
            if let wanted { return .setAlias(model: name, alias: alias, version: wanted) }
            return have.map { .deleteAlias(model: name, alias: alias, version: $0) }
        }
    }

    /// MLflow's stage for every version mlboard has moved; versions it never moved keep theirs.
    private func stageChanges() -> [RegistryChange] {
        let moved = Set(state.stageMoves.filter { $0.version.model == model.slug }.map(\.version.number))
        return moved.sorted().compactMap { number in
            guard let version = state.versions[VersionRef(model: model.slug, number: number)],
                  let mlflowVersion = mlflowVersion(of: number), let there = onServer[mlflowVersion]
            else { return nil }
            let wanted = StageNames.mlflowStage(for: version.stage, config: state.config)
            let have = there.currentStage ?? "None"
            return wanted == have ? nil : .transitionStage(model: name, version: mlflowVersion, from: have, to: wanted)
        }
    }

    /// Who approved, and the journal sequence, of the latest alias move onto each holder.
    private func tagChanges() -> [RegistryChange] {
        latestMoveOntoHolders().sorted { $0.key < $1.key }.flatMap { number, move -> [RegistryChange] in
            guard let mlflowVersion = mlflowVersion(of: number), let tags = onServer[mlflowVersion]?.tagValues else { return [] }
            let wanted = [(Self.approvedByTag, approvers(of: move)), (Self.sequenceTag, String(move.sequence))]
            return wanted.filter { tags[$0.0] != $0.1 }.map { .setTag(model: name, version: mlflowVersion, key: $0.0, value: $0.1) }
        }
    }

    /// The approvers of the request behind the move; a move without one (a rollback) was
    /// made by a person with the approval right, who is named instead.
    private func approvers(of move: AliasMove) -> String {
        let approvals = move.request.flatMap { state.requests[$0] }?.approvals.filter(\.counts).map(\.by) ?? []
        return (approvals.isEmpty ? [move.by] : approvals).joined(separator: ",")
    }

    /// For each version holding an alias, the latest move that put an alias on it.
    private func latestMoveOntoHolders() -> [Int: AliasMove] {
        var latest: [Int: AliasMove] = [:]
        for (alias, number) in model.aliases {
            guard let move = moves.last(where: { $0.alias == alias && $0.to == number }) else { continue }
            if let known = latest[number], known.sequence >= move.sequence { continue }
            latest[number] = move
        }
        return latest
    }
}
