/// The `mlflow:` section of the workspace configuration: which mlboard project a registered
/// model belongs to when the model carries no `mlboard.project` tag.
///
///     mlflow:
///       projects:
///         "Fraud Model": fraud-detection
public struct MLflowSettings: Codable, Equatable, Sendable {
    /// MLflow registered model name -> mlboard project slug.
    public var projects: [String: String]

    public init(projects: [String: String] = [:]) {
        self.projects = projects
    }
}
