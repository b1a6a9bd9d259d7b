import BoardCore
import BoardStore

/// `mlboard mlflow push`: makes the MLflow server agree with mlboard for every model pulled from
/// it. It compares first and changes only what differs, so running it again after an
/// interruption finishes the job, and running it when all agrees changes nothing.
public enum MLflowPush {
    public struct Outcome: Sendable {
        public var changes: [RegistryChange]
        public var changedSomething: Bool { !changes.isEmpty }
    }

    /// `report` hears of each change once the server has made it. When anything changed, even
    /// if the server failed after, the changes made are recorded as a sync by `actor`.
    public static func run(
        client: MLflowClient, store: any WorkspaceStoring, actor: Actor, now: Instant, report: (RegistryChange) -> Void = { _ in }
    ) throws -> Outcome {
        try store.refresh()
        let state = store.state
        var made: [RegistryChange] = []
        do {
            for slug in state.models.keys.sorted() {
                guard let name = RegistryMapping.mlflowName(of: slug, in: state) else { continue }
                let registered = try client.registeredModel(named: name)
                let versions = try client.modelVersions(of: name)
                for change in PushPlanner.changes(slug: slug, state: state, registered: registered, versions: versions) {
                    guard try change.apply(with: client) else { continue }
                    made.append(change)
                    report(change)
                }
            }
        } catch {
            try? record(made, client: client, store: store, actor: actor, now: now)
            throw error
        }
        try record(made, client: client, store: store, actor: actor, now: now)
        return Outcome(changes: made)
    }

    private static func record(_ made: [RegistryChange], client: MLflowClient, store: any WorkspaceStoring, actor: Actor, now: Instant) throws {
        guard !made.isEmpty else { return }
        try store.execute(
            .recordBridgeSync(bridge: MLflowPull.bridgeName, target: client.connection.displayURI, pulled: 0, pushed: made.count),
            as: actor, now: now)
    }
}
