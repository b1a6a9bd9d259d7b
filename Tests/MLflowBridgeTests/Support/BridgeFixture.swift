import BoardCore
import BoardMLflow
import BoardStore
import Foundation
import TestSupport

/// A workspace with a requester and two production approvers, beside a real MLflow server
/// in the same temporary folder. `close()` stops the server and removes the folder.
final class BridgeFixture {
    static let requester = Actor(handle: "ben", osUser: "tester")
    static let approvers = [TestWorkspace.lead, Actor(handle: "ana", osUser: "tester")]

    let workspace: TestWorkspace
    let server: MLflowServer
    let registry: PythonRegistry
    let store: WorkspaceStore
    private var clock: Int64 = 10_000

    /// `basicAuth` starts MLflow's basic-auth app; the registry script signs in as its admin.
    init(name: String = #function, basicAuth: Bool = false) throws {
        let python = try MLflowInstallation.prepare()
        workspace = try TestWorkspace(name: name)
        server = try MLflowServer(python: python, folder: workspace.root.appendingPathComponent("mlflow"), basicAuth: basicAuth)
        try server.start()
        registry = PythonRegistry(
            python: python, trackingURI: server.trackingURI, credentials: basicAuth ? MLflowServer.admin : nil)
        store = try workspace.open()
        try store.execute([
            .addStakeholder(Stakeholder(handle: "ana", name: "Ana Approver", role: "ML engineer", approvalStages: ["staging", "production"])),
            .addStakeholder(Stakeholder(handle: "ben", name: "Ben Builder", role: "data scientist")),
        ], as: TestWorkspace.lead, now: tick())
    }

    var client: MLflowClient {
        MLflowClient(connection: MLflowConnection(baseURL: URL(string: server.trackingURI)!))
    }

    func pull(models: [String] = []) throws -> MLflowPull.Outcome {
        try MLflowPull.run(client: client, store: store, actor: TestWorkspace.lead, models: models, now: tick())
    }

    func push(report: (RegistryChange) -> Void = { _ in }) throws -> MLflowPush.Outcome {
        try MLflowPush.run(client: client, store: store, actor: TestWorkspace.lead, now: tick(), report: report)
    }

    /// Moves `ref` one stage up, requested by ben and approved by as many approvers as it takes.
    func promote(_ ref: VersionRef, to stage: String) throws {
        let before = store.state.counters.requests
        try store.execute(.requestPromotion(version: ref, to: stage, reason: "better on holdout"), as: Self.requester, now: tick())
        let id = "PR-\(before + 1)"
        for approver in Self.approvers.prefix(store.state.config.approvalsRequired(for: stage)) {
            try store.execute(.approve(request: id, comment: "ok", overrideReason: nil), as: approver, now: tick())
        }
    }

    func rollback(_ model: String) throws {
        try store.execute(.rollback(model: model, reason: "latency regression"), as: TestWorkspace.lead, now: tick())
    }

    func close() {
        server.stop()
        workspace.cleanUp()
    }

    private func tick() -> Instant {
        clock += 1_000
        return Instant(millis: clock)
    }
}
