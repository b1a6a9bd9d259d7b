import Foundation

/// MLflow's own Python client, driven through Python/registry.py: how the tests register
/// models and read back what the bridge did, as a team's scripts would see it.
struct PythonRegistry {
    let python: URL
    let trackingURI: String
    /// Sign-in for a server with basic authentication.
    var credentials: (user: String, password: String)? = nil

    struct Made: Decodable {
        var model: String
        var version: String
        var runID: String
        var source: String
        var datasetDigest: String?

        enum CodingKeys: String, CodingKey {
            case model, version, source
            case runID = "run_id"
            case datasetDigest = "dataset_digest"
        }
    }

    struct VersionView: Decodable, Equatable {
        var version: String
        var stage: String
        var tags: [String: String]
        var aliases: [String]
    }

    /// Registers the models and versions `spec` describes (see registry.py).
    func seed(_ spec: [String: Any]) throws -> [Made] {
        let input = String(decoding: try JSONSerialization.data(withJSONObject: spec), as: UTF8.self)
        return try JSONDecoder().decode([Made].self, from: Data(try run(["seed"], input: input).utf8))
    }

    /// Adds versions to a registered model that exists.
    func seedVersions(model: String, versions: [[String: Any]]) throws -> [Made] {
        try seed(["models": [["name": model, "existing": true, "versions": versions]]])
    }

    /// The version `alias` points at, as MLflow's client reads it, or nil.
    func version(of model: String, alias: String) throws -> String? {
        let answer = try run(["alias", model, alias]).trimmingCharacters(in: .whitespacesAndNewlines)
        return answer == "none" ? nil : answer
    }

    func versions(of model: String) throws -> [VersionView] {
        try JSONDecoder().decode([VersionView].self, from: Data(try run(["versions", model]).utf8))
    }

    private func run(_ arguments: [String], input: String? = nil) throws -> String {
        guard let script = Bundle.module.url(forResource: "registry", withExtension: "py", subdirectory: "Python") else {
            throw HarnessFailure("Python/registry.py is missing from the test bundle")
        }
        var environment = ProcessInfo.processInfo.environment
        environment["MLFLOW_TRACKING_URI"] = trackingURI
        environment["GIT_PYTHON_REFRESH"] = "quiet"
        if let credentials {
            environment["MLFLOW_TRACKING_USERNAME"] = credentials.user
            environment["MLFLOW_TRACKING_PASSWORD"] = credentials.password
        }
        let result = try ProgramRun.run([python.path, script.path] + arguments, environment: environment, input: input)
        guard result.status == 0 else {
            throw HarnessFailure("registry.py \(arguments.joined(separator: " ")) failed with \(result.status): \(result.errors.suffix(3_000))")
        }
        return result.output.split(separator: "\n").last.map(String.init) ?? ""
    }
}
