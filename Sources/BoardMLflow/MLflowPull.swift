import BoardCore
import BoardStore

/// `mlboard mlflow pull`: brings registered models and versions mlboard does not have yet into
/// the workspace, all in one batch that is written whole or not at all.
public enum MLflowPull {
    /// The name the bridge's syncs are recorded under (`BoardState.bridgeSyncs`).
    public static let bridgeName = "mlflow"

    public struct Outcome: Sendable {
        /// Lines saying what was registered, in order.
        public var registered: [String]
        /// MLflow models left out, each with why.
        public var skipped: [(name: String, reason: String)]
        /// The events written; empty when there was nothing new.
        public var records: [EventRecord]

        public var changedSomething: Bool { !records.isEmpty }
    }

    /// Reads the registry (only `models` when given) and registers what is new as `actor`.
    public static func run(
        client: MLflowClient, store: any WorkspaceStoring, actor: Actor, models only: [String] = [], now: Instant
    ) throws -> Outcome {
        try store.refresh()
        let fetched = try fetch(client: client, only: only, state: store.state)
        // Reading the server takes a while: plan against the journal as it is now, so versions
        // another pull (a sync --follow) registered meanwhile are not registered twice.
        try store.refresh()
        let state = store.state
        let plan = PullPlanner.plan(fetched, state: state)
        guard !plan.models.isEmpty else { return Outcome(registered: [], skipped: plan.skipped, records: []) }
        let commands = plan.models.flatMap(\.commands)
        let versions = commands.filter { if case .registerVersion = $0 { true } else { false } }.count
        let mark = Command.recordBridgeSync(bridge: bridgeName, target: client.connection.displayURI, pulled: versions, pushed: 0)
        let batch = (commands + [mark]).map { PlannedCommand($0, as: actor, at: now) }
        try check(batch, from: plan.models, state: state)
        let records = try store.execute(batch)
        return Outcome(registered: records.compactMap(describe), skipped: plan.skipped, records: records)
    }

    /// The registered models (only those named, when any are), each with the versions `state`
    /// has not pulled yet and their runs.
    private static func fetch(client: MLflowClient, only: [String], state: BoardState) throws -> [RegistryModel] {
        var models = try client.registeredModels()
        if !only.isEmpty {
            let missing = only.filter { name in !models.contains { $0.name == name } }
            if !missing.isEmpty {
                throw MLflowError.configuration("no registered model named \(missing.map { "'\($0)'" }.joined(separator: ", ")) on \(client.connection.displayURI)")
            }
            models = models.filter { only.contains($0.name) }
        }
        return try models.sorted { $0.name < $1.name }.map { model in
            guard case .model(let slug, _, _) = RegistryMapping.placement(of: model, in: state) else {
                return RegistryModel(model: model, newVersions: [])
            }
            let pulled = RegistryMapping.pulledVersions(of: slug, in: state)
            let fresh = try client.modelVersions(of: model.name).filter { $0.number != nil && pulled[$0.version] == nil }
            return RegistryModel(model: model, newVersions: try fresh.map { RegistryVersion(version: $0, run: try run(of: $0, client: client)) })
        }
    }

    /// Decides the whole batch first, as the store will, so a refusal names the MLflow model
    /// it came from. The store decides it all again as it writes.
    private static func check(_ plan: [PlannedCommand], from models: [PullPlanner.ModelCommands], state: BoardState) throws {
        guard case .failure(let refusal) = DecisionLoop.records(for: plan, state: state) else { return }
        let origins = models.flatMap { model in model.commands.map { _ in "MLflow model '\(model.name)'" } }
        let origin = refusal.step < origins.count ? origins[refusal.step] : "the sync record"
        throw RuleViolation(refusal.violation.rule, "\(origin): \(refusal.violation.message); nothing was pulled")
    }

    /// The version's run, or nil when it names none or the server no longer has it.
    private static func run(of version: MLflowModelVersion, client: MLflowClient) throws -> MLflowRun? {
        guard let id = version.runID, !id.isEmpty else { return nil }
        do {
            return try client.run(id: id)
        } catch let error as MLflowError {
            if case .status(_, _, 404, _, _) = error { return nil }
            throw error
        }
    }

    private static func describe(_ record: EventRecord) -> String? {
        switch record.event {
        case .modelRegistered(let model):
            return "model \(model.slug) (MLflow '\(model.name)') in project \(model.project)"
        case .versionRegistered(let version):
            let origin = version.lineage.tags[RegistryMapping.versionTag].map { " from MLflow version \($0)" } ?? ""
            let metrics = version.metrics.keys.sorted().map { "\($0)=\(MetricThreshold.format(version.metrics[$0]!))" }.joined(separator: " ")
            return "version \(version.ref)\(origin)" + (metrics.isEmpty ? "" : ": \(metrics)")
        default:
            return nil
        }
    }
}
