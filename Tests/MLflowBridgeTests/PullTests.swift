import BoardCore
import BoardMLflow
import BoardStore
import Foundation
import Testing
import TestSupport

@Suite("mlflow pull against a real MLflow server", .serialized, .enabled(if: MLflowInstallation.available, MLflowInstallation.skipMessage))
struct PullTests {
    @Test("pull brings models and versions with their run's latest metrics and lineage; a second pull registers nothing")
    func pullBringsVersionsOnce() throws {
        let fixture = try BridgeFixture()
        defer { fixture.close() }
        let made = try fixture.registry.seed(["models": [
            ["name": "Fraud Model", "tags": ["mlboard.project": "churn"], "description": "card fraud", "versions": [
                ["metrics": ["auc": [0.70, 0.91], "latency_ms": 12], "commit": "abc123", "dataset": "cards-2026"],
                ["metrics": ["auc": 0.93], "commit": "def456", "tags": ["owner": "ana"]],
            ]],
            ["name": "Orphan Model", "versions": [["metrics": ["auc": 0.5]]]],
            ["name": "Mapped Model", "versions": [["metrics": ["rmse": 3.5]]]],
        ]])
        try appendToConfig("""
            mlflow:
              projects:
                "Mapped Model": churn
            """, fixture: fixture)
        let reopened = try fixture.workspace.open()
        #expect(reopened.state.config.mlflow?.projects["Mapped Model"] == "churn")

        let first = try MLflowPull.run(
            client: fixture.client, store: reopened, actor: TestWorkspace.lead, now: Instant(millis: 50_000))
        #expect(first.skipped.map(\.name) == ["Orphan Model"])
        #expect(first.skipped.first?.reason.contains("mlboard.project") == true)

        let state = reopened.state
        #expect(state.models["fraud-model"]?.name == "Fraud Model")
        #expect(state.models["fraud-model"]?.project == "churn")
        #expect(state.models["mapped-model"]?.project == "churn")
        #expect(state.models["orphan-model"] == nil)
        let v1 = try #require(state.versions[VersionRef(model: "fraud-model", number: 1)])
        #expect(v1.metrics == ["auc": 0.91, "latency_ms": 12])
        #expect(v1.lineage.runID == made[0].runID)
        #expect(v1.lineage.sourceURI == made[0].source)
        #expect(v1.lineage.codeCommit == "abc123")
        #expect(v1.lineage.dataset == "cards-2026@\(made[0].datasetDigest ?? "?")")
        #expect(v1.lineage.tags["mlflow.version"] == "1")
        #expect(v1.lineage.tags["mlflow.model"] == "Fraud Model")
        let v2 = try #require(state.versions[VersionRef(model: "fraud-model", number: 2)])
        #expect(v2.metrics == ["auc": 0.93])
        #expect(v2.lineage.codeCommit == "def456")
        #expect(v2.lineage.dataset == nil)
        #expect(v2.lineage.tags["owner"] == "ana")
        #expect(state.versions[VersionRef(model: "mapped-model", number: 1)]?.metrics == ["rmse": 3.5])

        let sync = try #require(reopened.state.bridgeSyncs["mlflow"])
        #expect(sync.pulled == 3 && sync.pushed == 0)
        #expect(sync.target == fixture.server.trackingURI)
        #expect(sync.sequence == reopened.state.lastSequence)

        let sequence = reopened.state.lastSequence
        let second = try MLflowPull.run(
            client: fixture.client, store: reopened, actor: TestWorkspace.lead, now: Instant(millis: 60_000))
        #expect(second.records.isEmpty)
        #expect(second.registered.isEmpty)
        #expect(reopened.state.lastSequence == sequence)

        let third = try addVersion(to: "Fraud Model", auc: 0.95, fixture: fixture, store: reopened)
        #expect(third.registered == ["version fraud-model v3 from MLflow version 3: auc=0.95"])
    }

    @Test("a pull is one batch: a model mlboard refuses leaves nothing of the pull written, and the message names it")
    func pullIsAllOrNothing() throws {
        let fixture = try BridgeFixture()
        defer { fixture.close() }
        // MLflow takes names longer than mlboard's 200 characters.
        let longName = "a-model-" + String(repeating: "x", count: 200)
        _ = try fixture.registry.seed(["models": [
            ["name": "good-model", "tags": ["mlboard.project": "churn"], "versions": [["metrics": ["auc": 0.9]]]],
            ["name": longName, "tags": ["mlboard.project": "churn"], "versions": [["metrics": ["auc": 0.8]]]],
        ]])
        let before = fixture.store.state.lastSequence
        let refusal = #expect(throws: RuleViolation.self) { _ = try fixture.pull() }
        #expect(refusal?.message.contains("MLflow model '\(longName)'") == true)
        #expect(refusal?.message.contains("nothing was pulled") == true)
        let after = try fixture.workspace.open()
        #expect(after.state.models["good-model"] == nil)
        #expect(after.state.lastSequence == before)

        let chosen = try fixture.pull(models: ["good-model"])
        #expect(chosen.registered.count == 2)
        #expect(fixture.store.state.versions[VersionRef(model: "good-model", number: 1)]?.metrics == ["auc": 0.9])
    }

    private func appendToConfig(_ text: String, fixture: BridgeFixture) throws {
        let url = fixture.workspace.directory.url.appendingPathComponent("workspace.yml")
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        handle.seekToEndOfFile()
        handle.write(Data(("\n" + text + "\n").utf8))
    }

    private func addVersion(to model: String, auc: Double, fixture: BridgeFixture, store: WorkspaceStore) throws -> MLflowPull.Outcome {
        _ = try fixture.registry.seedVersions(model: model, versions: [["metrics": ["auc": auc], "commit": "0a1b2c"]])
        return try MLflowPull.run(client: fixture.client, store: store, actor: TestWorkspace.lead, now: Instant(millis: 70_000))
    }
}
