/// The parts of MLflow's REST answers the bridge reads (mlflow/protos/model_registry.proto and
/// service.proto). Repeated fields and optional fields may be absent from the JSON.

public struct MLflowTag: Decodable, Equatable, Sendable {
    public var key: String
    public var value: String?
}

public struct MLflowAlias: Decodable, Equatable, Sendable {
    public var alias: String
    public var version: String
}

public struct MLflowRegisteredModel: Decodable, Equatable, Sendable {
    public var name: String
    public var description: String?
    public var tags: [MLflowTag]?
    public var aliases: [MLflowAlias]?

    public var tagValues: [String: String] { MLflowTag.dictionary(tags) }
}

public struct MLflowModelVersion: Decodable, Equatable, Sendable {
    public var name: String
    public var version: String
    public var currentStage: String?
    public var source: String?
    public var runID: String?
    public var tags: [MLflowTag]?
    public var aliases: [String]?

    enum CodingKeys: String, CodingKey {
        case name, version, source, tags, aliases
        case currentStage = "current_stage"
        case runID = "run_id"
    }

    public var number: Int? { Int(version) }
    public var tagValues: [String: String] { MLflowTag.dictionary(tags) }
}

public struct MLflowRun: Decodable, Equatable, Sendable {
    public struct Metric: Decodable, Equatable, Sendable {
        public var key: String
        public var value: Double?
    }

    public struct Data: Decodable, Equatable, Sendable {
        public var metrics: [Metric]?
        public var tags: [MLflowTag]?
    }

    public struct Dataset: Decodable, Equatable, Sendable {
        public var name: String?
        public var digest: String?
    }

    public struct DatasetInput: Decodable, Equatable, Sendable {
        public var dataset: Dataset?
    }

    public struct Inputs: Decodable, Equatable, Sendable {
        public var datasetInputs: [DatasetInput]?

        enum CodingKeys: String, CodingKey { case datasetInputs = "dataset_inputs" }
    }

    public var data: Data?
    public var inputs: Inputs?

    /// The latest value of each metric, as runs/get reports it.
    public var latestMetrics: [String: Double] {
        var values: [String: Double] = [:]
        for metric in data?.metrics ?? [] { if let value = metric.value { values[metric.key] = value } }
        return values
    }

    public var tagValues: [String: String] { MLflowTag.dictionary(data?.tags) }

    /// The first dataset input as "name@digest" (or whichever of the two is known).
    public var datasetReference: String? {
        for input in inputs?.datasetInputs ?? [] {
            guard let dataset = input.dataset else { continue }
            let parts = [dataset.name, dataset.digest].compactMap { $0 }.filter { !$0.isEmpty }
            if !parts.isEmpty { return parts.joined(separator: "@") }
        }
        return nil
    }
}

extension MLflowTag {
    static func dictionary(_ tags: [MLflowTag]?) -> [String: String] {
        var values: [String: String] = [:]
        for tag in tags ?? [] { values[tag.key] = tag.value ?? "" }
        return values
    }
}
