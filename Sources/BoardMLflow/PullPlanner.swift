import BoardCore

/// What pull read of one registered model: the versions mlboard does not have yet, each with its run.
public struct RegistryModel: Sendable {
    public var model: MLflowRegisteredModel
    public var newVersions: [RegistryVersion]
}

public struct RegistryVersion: Sendable {
    public var version: MLflowModelVersion
    /// The run that made it; nil when it has none or the run is gone.
    public var run: MLflowRun?
}

/// Turns what pull read into the commands that bring it into mlboard: a model for each new
/// registered model, then its new versions in MLflow's order, with metrics and lineage.
enum PullPlanner {
    struct ModelCommands {
        /// The MLflow name, for messages.
        var name: String
        var commands: [Command]
    }

    struct Plan {
        var models: [ModelCommands] = []
        var skipped: [(name: String, reason: String)] = []
    }

    /// What to register of `fetched` in `state`: models placed in a project and versions not
    /// pulled yet; the others skipped with why.
    static func plan(_ fetched: [RegistryModel], state: BoardState) -> Plan {
        var plan = Plan()
        var claimedSlugs: [String: String] = [:]
        for registry in fetched {
            switch RegistryMapping.placement(of: registry.model, in: state) {
            case .skipped(let reason):
                plan.skipped.append((registry.model.name, reason))
            case .model(let slug, let project, let isNew):
                if let other = claimedSlugs[slug] {
                    plan.skipped.append((registry.model.name, "its slug '\(slug)' is taken by MLflow model '\(other)' in this pull"))
                    continue
                }
                claimedSlugs[slug] = registry.model.name
                let pulled = RegistryMapping.pulledVersions(of: slug, in: state)
                var fresh = registry
                fresh.newVersions = registry.newVersions.filter { pulled[$0.version.version] == nil }
                guard isNew || !fresh.newVersions.isEmpty else { continue }
                plan.models.append(ModelCommands(
                    name: registry.model.name, commands: commands(slug: slug, project: project, isNew: isNew, registry: fresh)))
            }
        }
        return plan
    }

    static func commands(slug: String, project: String, isNew: Bool, registry: RegistryModel) -> [Command] {
        var commands: [Command] = []
        if isNew {
            commands.append(.registerModel(MLModel(
                slug: slug, project: project, name: registry.model.name,
                description: registry.model.description ?? "")))
        }
        let ordered = registry.newVersions.sorted { ($0.version.number ?? 0) < ($1.version.number ?? 0) }
        for entry in ordered {
            commands.append(.registerVersion(
                model: slug, metrics: metrics(of: entry.run), source: source(of: entry.version),
                lineage: lineage(of: entry)))
        }
        return commands
    }

    /// The run's latest metrics; values mlboard cannot hold (NaN, infinities) are left out.
    static func metrics(of run: MLflowRun?) -> [String: Double] {
        (run?.latestMetrics ?? [:]).filter { $0.value.isFinite }
    }

    /// The version's source as mlboard's source reference (a single line of at most 200
    /// characters); the whole URI stays in the lineage.
    static func source(of version: MLflowModelVersion) -> String {
        let candidates = [version.source, version.runID.map { "runs:/\($0)" }, "models:/\(version.name)/\(version.version)"]
        for case let candidate? in candidates where fitsSourceReference(candidate) { return candidate }
        return String("models:/\(version.name)/\(version.version)".prefix(TextRules.maxNameLength))
    }

    /// Lineage from the version and its run. What mlboard's rules would refuse (a value on
    /// several lines, an over-long one) is left out rather than failing the whole pull.
    static func lineage(of entry: RegistryVersion) -> VersionLineage {
        var tags = entry.version.tagValues.filter { isName($0.key) && isReference($0.value, emptyAllowed: true) }
        tags[RegistryMapping.modelTag] = entry.version.name
        tags[RegistryMapping.versionTag] = entry.version.version
        return VersionLineage(
            sourceURI: reference(entry.version.source), runID: reference(entry.version.runID),
            codeCommit: reference(entry.run?.tagValues["mlflow.source.git.commit"]),
            dataset: reference(entry.run?.datasetReference), tags: tags)
    }

    private static func reference(_ text: String?) -> String? {
        guard let text, isReference(text, emptyAllowed: false) else { return nil }
        return text
    }

    private static func isReference(_ text: String, emptyAllowed: Bool) -> Bool {
        (emptyAllowed || !text.trimmingCharacters(in: .whitespaces).isEmpty) && text.utf8.count <= TextRules.maxReferenceLength
            && TextRules.forbiddenCharacterProblem(in: text, field: "", allowNewlines: false) == nil
    }

    private static func isName(_ text: String) -> Bool {
        !text.trimmingCharacters(in: .whitespaces).isEmpty && text.count <= TextRules.maxNameLength
            && TextRules.forbiddenCharacterProblem(in: text, field: "", allowNewlines: false) == nil
    }

    private static func fitsSourceReference(_ text: String) -> Bool { isName(text) }
}
