import BoardCore
import BoardMLflow
import Foundation
import Testing
import TestSupport

@Suite("mlflow push against a real MLflow server", .serialized, .enabled(if: MLflowInstallation.available, MLflowInstallation.skipMessage))
struct PushTests {
    private static let model = "Fraud Model"

    /// Two versions pulled from MLflow; version 1 promoted to production (so it holds @champion).
    private static func pulledAndPromoted(name: String = #function) throws -> BridgeFixture {
        let fixture = try BridgeFixture(name: name)
        _ = try fixture.registry.seed(["models": [
            ["name": model, "tags": ["mlboard.project": "churn"], "versions": [
                ["metrics": ["auc": 0.91], "commit": "abc123"], ["metrics": ["auc": 0.93], "commit": "def456"],
            ]],
        ]])
        _ = try fixture.pull()
        try fixture.promote(VersionRef(model: "fraud-model", number: 1), to: "staging")
        try fixture.promote(VersionRef(model: "fraud-model", number: 1), to: "production")
        #expect(fixture.store.state.models["fraud-model"]?.aliases["champion"] == 1)
        return fixture
    }

    @Test("an approved promotion pushed sets @champion, the stage and the approval tags; rollback moves it back; a second push changes nothing")
    func pushMirrorsPromotionAndRollback() throws {
        let fixture = try Self.pulledAndPromoted()
        defer { fixture.close() }

        let first = try fixture.push()
        #expect(first.changes.contains(.setAlias(model: Self.model, alias: "champion", version: "1")))
        #expect(try fixture.registry.version(of: Self.model, alias: "champion") == "1")
        let afterFirst = try fixture.registry.versions(of: Self.model)
        #expect(afterFirst.map(\.stage) == ["Production", "None"])
        let move = try #require(fixture.store.state.aliasMoves.last { $0.alias == "champion" })
        #expect(afterFirst[0].tags["mlboard.approved_by"] == "lea,ana")
        #expect(afterFirst[0].tags["mlboard.sequence"] == String(move.sequence))
        let sync = try #require(fixture.store.state.bridgeSyncs["mlflow"])
        #expect(sync.pushed == first.changes.count && sync.sequence == fixture.store.state.lastSequence)
        #expect(try fixture.push().changes == [])
        #expect(fixture.store.state.bridgeSyncs["mlflow"] == sync)

        try fixture.promote(VersionRef(model: "fraud-model", number: 2), to: "staging")
        try fixture.promote(VersionRef(model: "fraud-model", number: 2), to: "production")
        _ = try fixture.push()
        #expect(try fixture.registry.version(of: Self.model, alias: "champion") == "2")
        #expect(try fixture.registry.versions(of: Self.model).map(\.stage) == ["Archived", "Production"])

        try fixture.rollback("fraud-model")
        let rolledBack = try fixture.push()
        #expect(rolledBack.changes.first == .setAlias(model: Self.model, alias: "champion", version: "1"))
        #expect(try fixture.registry.version(of: Self.model, alias: "champion") == "1")
        let afterRollback = try fixture.registry.versions(of: Self.model)
        #expect(afterRollback.map(\.stage) == ["Production", "Archived"])
        let rollbackMove = try #require(fixture.store.state.aliasMoves.last { $0.alias == "champion" })
        #expect(afterRollback[0].tags["mlboard.sequence"] == String(rollbackMove.sequence))
        #expect(afterRollback[0].tags["mlboard.approved_by"] == "lea")

        #expect(try fixture.push().changes == [])
    }

    @Test("an alias mlboard no longer has is removed from MLflow; aliases mlboard never managed are left alone")
    func pushRemovesOnlyManagedAliases() throws {
        let fixture = try Self.pulledAndPromoted()
        defer { fixture.close() }
        _ = try fixture.push()
        try fixture.client.setAlias(model: Self.model, alias: "challenger", version: "2")
        try fixture.client.setAlias(model: Self.model, alias: "nightly", version: "2")

        let changes = try fixture.push().changes
        #expect(changes == [.deleteAlias(model: Self.model, alias: "challenger", version: "2")])
        #expect(try fixture.registry.version(of: Self.model, alias: "challenger") == nil)
        #expect(try fixture.registry.version(of: Self.model, alias: "nightly") == "2")
    }

    @Test("the server stopped mid-push: push fails naming the path, and after a restart the next push finishes the job")
    func pushResumesAfterServerStops() throws {
        let fixture = try Self.pulledAndPromoted()
        defer { fixture.close() }
        var heard: [RegistryChange] = []
        let failure = #expect(throws: MLflowError.self) {
            _ = try fixture.push { change in
                heard.append(change)
                if heard.count == 1 { fixture.server.stop() }
            }
        }
        #expect(heard.count == 1)
        #expect(fixture.store.state.bridgeSyncs["mlflow"]?.pushed == 1)
        guard case .unreachable(_, let path, _) = failure else {
            Issue.record("expected the server to be unreachable, got \(String(describing: failure))")
            return
        }
        #expect(path.hasPrefix("/api/2.0/mlflow/"))

        try fixture.server.start()
        let resumed = try fixture.push()
        #expect(!resumed.changes.contains(heard[0]))
        #expect(try fixture.registry.version(of: Self.model, alias: "champion") == "1")
        let versions = try fixture.registry.versions(of: Self.model)
        #expect(versions.first?.stage == "Production")
        #expect(versions.first?.tags["mlboard.approved_by"] == "lea,ana")
        #expect(try fixture.push().changes == [])
    }
}
