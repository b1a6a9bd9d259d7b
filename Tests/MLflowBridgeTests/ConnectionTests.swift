@testable import BoardMLflow
import Foundation
import Testing

@Suite("Tracking URI, credentials and model slugs (no server)")
struct ConnectionTests {
    @Test("the flag wins over MLFLOW_TRACKING_URI; a token is a bearer, else username and password are basic")
    func credentialsAsMLflowTakesThem() throws {
        let fromEnvironment = try MLflowConnection.resolve(trackingURI: nil, environment: ["MLFLOW_TRACKING_URI": "http://mlflow:5000/"])
        #expect(fromEnvironment.displayURI == "http://mlflow:5000")
        #expect(fromEnvironment.authorizationHeader == nil)

        let flag = try MLflowConnection.resolve(trackingURI: "https://registry.example", environment: [
            "MLFLOW_TRACKING_URI": "http://other", "MLFLOW_TRACKING_TOKEN": "t0k",
            "MLFLOW_TRACKING_USERNAME": "u", "MLFLOW_TRACKING_PASSWORD": "p",
        ])
        #expect(flag.displayURI == "https://registry.example")
        #expect(flag.authorizationHeader == "Bearer t0k")

        let basic = try MLflowConnection.resolve(trackingURI: "http://h", environment: [
            "MLFLOW_TRACKING_USERNAME": "ana", "MLFLOW_TRACKING_PASSWORD": "s3cret",
        ])
        #expect(basic.authorizationHeader == "Basic " + Data("ana:s3cret".utf8).base64EncodedString())
    }

    @Test("credentials in the URI sign in but never show: the URI shown and recorded has none")
    func credentialsNeverShown() throws {
        let connection = try MLflowConnection.resolve(trackingURI: "http://ana:s3cret@mlflow.internal:5000/?x=1", environment: [:])
        #expect(connection.displayURI == "http://mlflow.internal:5000")
        #expect(connection.credentials == .basic(user: "ana", password: "s3cret"))
        let refused = #expect(throws: MLflowError.self) {
            _ = try MLflowConnection.resolve(trackingURI: "file://ana:s3cret@/tmp/mlruns", environment: [:])
        }
        #expect(refused?.description.contains("s3cret") == false)
    }

    @Test("a server that refuses the connection is reported unreachable, with the reason: connection refused")
    func refusedConnection() throws {
        let port = try MLflowServer.freePort()  // bound, read and let go: nothing listens there
        let client = MLflowClient(connection: MLflowConnection(baseURL: URL(string: "http://127.0.0.1:\(port)")!), timeout: 20)
        let error = #expect(throws: MLflowError.self) { _ = try client.registeredModels() }
        guard case .unreachable(let method, let path, let reason)? = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
        #expect(method == "GET" && path == "/api/2.0/mlflow/registered-models/search")
        #expect(reason == "connection refused")
    }

    @Test("no tracking URI at all says where to give one")
    func missingURI() {
        let error = #expect(throws: MLflowError.self) { _ = try MLflowConnection.resolve(trackingURI: nil, environment: [:]) }
        #expect(error?.description.contains("MLFLOW_TRACKING_URI") == true)
    }

    @Test("a registered model's name becomes a slug: kept where it is one, else folded and dashed")
    func slugs() {
        #expect(ModelSlug.make(from: "fraud-model") == "fraud-model")
        #expect(ModelSlug.make(from: "Fraud Model") == "fraud-model")
        #expect(ModelSlug.make(from: "Modèle  Crédit_v2 ") == "modele-credit-v2")
        #expect(ModelSlug.make(from: "prod.churn/XGB") == "prod-churn-xgb")
        #expect(ModelSlug.make(from: "?!") == nil)
        #expect(ModelSlug.make(from: "模型") == nil)
        #expect(ModelSlug.make(from: String(repeating: "ab ", count: 40))?.count ?? 0 <= 64)
    }

    @Test("a search filter quotes a name with a single quote in double quotes")
    func filterQuoting() {
        #expect(MLflowClient.quotedInFilter("Fraud Model") == "'Fraud Model'")
        #expect(MLflowClient.quotedInFilter("Ana's model") == "\"Ana's model\"")
    }
}
