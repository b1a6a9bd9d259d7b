/// One change push makes on the MLflow server to make it agree with mlboard.
public enum RegistryChange: Equatable, Sendable, CustomStringConvertible {
    case setAlias(model: String, alias: String, version: String)
    case deleteAlias(model: String, alias: String, version: String)
    case transitionStage(model: String, version: String, from: String, to: String)
    case setTag(model: String, version: String, key: String, value: String)

    public var description: String {
        switch self {
        case .setAlias(let model, let alias, let version):
            "'\(model)': @\(alias) -> version \(version)"
        case .deleteAlias(let model, let alias, let version):
            "'\(model)': @\(alias) removed from version \(version)"
        case .transitionStage(let model, let version, let from, let to):
            "'\(model)' version \(version): stage \(from) -> \(to)"
        case .setTag(let model, let version, let key, let value):
            "'\(model)' version \(version): tag \(key)=\(value)"
        }
    }

    /// Makes the change; false when the server cannot (a server without stages).
    func apply(with client: MLflowClient) throws -> Bool {
        switch self {
        case .setAlias(let model, let alias, let version):
            try client.setAlias(model: model, alias: alias, version: version)
        case .deleteAlias(let model, let alias, _):
            try client.deleteAlias(model: model, alias: alias)
        case .transitionStage(let model, let version, _, let to):
            return try client.transitionStage(model: model, version: version, stage: to)
        case .setTag(let model, let version, let key, let value):
            try client.setVersionTag(model: model, version: version, key: key, value: value)
        }
        return true
    }
}
