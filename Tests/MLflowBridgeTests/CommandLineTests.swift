import BoardCore
import BoardMLflow
import Foundation
import Testing
import TestSupport

@Suite("mlboard mlflow through the real binary", .serialized, .enabled(if: MLflowInstallation.available, MLflowInstallation.skipMessage))
struct CommandLineTests {
    private func mlboard(_ arguments: [String], fixture: BridgeFixture, extra: [String: String] = [:]) throws -> ProgramRun {
        var environment = fixture.workspace.environment
        environment.removeValue(forKey: "MLFLOW_TRACKING_URI")
        environment.merge(extra) { $1 }
        return try ProgramRun.run([BuiltBinary.mlboard.path] + arguments, environment: environment)
    }

    @Test("pull, push and sync print what they changed, then that nothing changed; a stopped server exits 3 naming the path")
    func pullPushSyncAndStoppedServer() throws {
        let fixture = try BridgeFixture()
        defer { fixture.close() }
        _ = try fixture.registry.seed(["models": [
            ["name": "Fraud Model", "tags": ["mlboard.project": "churn"], "versions": [["metrics": ["auc": 0.91], "commit": "abc123"]]],
        ]])
        let uri = ["--tracking-uri", fixture.server.trackingURI]

        let pull = try mlboard(["mlflow", "pull"] + uri, fixture: fixture)
        #expect(pull.status == 0, "\(pull.errors)")
        #expect(pull.output.contains("pulled model fraud-model (MLflow 'Fraud Model') in project churn"))
        #expect(pull.output.contains("pulled version fraud-model v1 from MLflow version 1: auc=0.91"))

        let store = fixture.store
        try store.refresh()
        try fixture.promote(VersionRef(model: "fraud-model", number: 1), to: "staging")
        try fixture.promote(VersionRef(model: "fraud-model", number: 1), to: "production")
        // The tracking URI from the environment, as MLflow's own clients take it.
        let push = try mlboard(["mlflow", "push"], fixture: fixture, extra: ["MLFLOW_TRACKING_URI": fixture.server.trackingURI])
        #expect(push.status == 0, "\(push.errors)")
        #expect(push.output.contains("pushed 'Fraud Model': @champion -> version 1"))
        #expect(push.output.contains("pushed 'Fraud Model' version 1: stage None -> Production"))
        #expect(try fixture.registry.version(of: "Fraud Model", alias: "champion") == "1")

        let sync = try mlboard(["mlflow", "sync"] + uri, fixture: fixture)
        #expect(sync.status == 0, "\(sync.errors)")
        #expect(sync.output.contains("nothing new to pull from \(fixture.server.trackingURI)"))
        #expect(sync.output.contains("agrees with mlboard: nothing to push"))

        fixture.server.stop()
        let stopped = try mlboard(["mlflow", "pull"] + uri, fixture: fixture)
        #expect(stopped.status == 3)
        #expect(stopped.errors.contains("MLflow server unreachable: GET /api/2.0/mlflow/registered-models/search"))

        let noServer = try mlboard(["mlflow", "pull"], fixture: fixture)
        #expect(noServer.status == 2)
        #expect(noServer.errors.contains("MLFLOW_TRACKING_URI"))
    }

    @Test("a server with basic authentication: MLflow's username and password variables sign in; a wrong password exits 3 with the status")
    func basicAuthentication() throws {
        let fixture = try BridgeFixture(basicAuth: true)
        defer { fixture.close() }
        _ = try fixture.registry.seed(["models": [
            ["name": "Fraud Model", "tags": ["mlboard.project": "churn"], "versions": [["metrics": ["auc": 0.91]]]],
        ]])
        let uri = ["--tracking-uri", fixture.server.trackingURI]

        let anonymous = try mlboard(["mlflow", "pull"] + uri, fixture: fixture)
        #expect(anonymous.status == 3)
        #expect(anonymous.errors.contains("GET /api/2.0/mlflow/registered-models/search with HTTP 401"))
        #expect(anonymous.errors.contains("MLFLOW_TRACKING_USERNAME"))

        let wrong = try mlboard(["mlflow", "pull"] + uri, fixture: fixture, extra: [
            "MLFLOW_TRACKING_USERNAME": MLflowServer.admin.user, "MLFLOW_TRACKING_PASSWORD": "not-it",
        ])
        #expect(wrong.status == 3)
        #expect(wrong.errors.contains("HTTP 401"))
        #expect(!wrong.errors.contains("not-it"))

        let signedIn = try mlboard(["mlflow", "pull"] + uri, fixture: fixture, extra: [
            "MLFLOW_TRACKING_USERNAME": MLflowServer.admin.user, "MLFLOW_TRACKING_PASSWORD": MLflowServer.admin.password,
        ])
        #expect(signedIn.status == 0, "\(signedIn.errors)")
        #expect(signedIn.output.contains("pulled version fraud-model v1 from MLflow version 1: auc=0.91"))
    }

    @Test("sync --follow pulls a version registered in MLflow while it runs")
    func syncFollowPullsNewVersions() throws {
        let fixture = try BridgeFixture()
        defer { fixture.close() }
        _ = try fixture.registry.seed(["models": [
            ["name": "Fraud Model", "tags": ["mlboard.project": "churn"], "versions": [["metrics": ["auc": 0.91]]]],
        ]])
        var environment = fixture.workspace.environment
        environment["MLFLOW_TRACKING_URI"] = fixture.server.trackingURI
        let follower = try CleanSpawn.start(
            [BuiltBinary.mlboard.path, "mlflow", "sync", "--follow", "--interval", "1"], environment: environment)
        defer {
            kill(follower, SIGTERM)
            var status: Int32 = 0
            waitpid(follower, &status, 0)
        }
        let second = VersionRef(model: "fraud-model", number: 2)
        #expect(try waitFor { try fixture.workspace.open().state.versions[VersionRef(model: "fraud-model", number: 1)] != nil })
        _ = try fixture.registry.seedVersions(model: "Fraud Model", versions: [["metrics": ["auc": 0.95]]])
        #expect(try waitFor { try fixture.workspace.open().state.versions[second]?.metrics == ["auc": 0.95] })
    }

    private func waitFor(_ condition: () throws -> Bool) throws -> Bool {
        for _ in 0..<120 {
            if try condition() { return true }
            usleep(500_000)
        }
        return false
    }
}
