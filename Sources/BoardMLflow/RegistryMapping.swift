import BoardCore

/// How registered models and versions in MLflow correspond to mlboard's models and versions.
/// A pulled version keeps the MLflow model name and version number in its lineage tags, so a
/// later pull knows it has it and a push knows where to mirror it.
public enum RegistryMapping {
    public static let modelTag = "mlflow.model"
    public static let versionTag = "mlflow.version"
    /// The tag on an MLflow registered model naming its mlboard project.
    public static let projectTag = "mlboard.project"

    /// Where a registered model goes in mlboard, or why it is skipped.
    public enum Placement: Equatable, Sendable {
        case model(slug: String, project: String, isNew: Bool)
        case skipped(reason: String)
    }

    public static func placement(of model: MLflowRegisteredModel, in state: BoardState) -> Placement {
        guard let slug = ModelSlug.make(from: model.name) else {
            return .skipped(reason: "its name makes no model slug (letters or digits needed)")
        }
        if let existing = state.models[slug] {
            if let other = mlflowName(of: slug, in: state), other != model.name {
                return .skipped(reason: "its slug '\(slug)' is already the mlboard model of MLflow model '\(other)'")
            }
            return .model(slug: slug, project: existing.project, isNew: false)
        }
        guard let project = model.tagValues[projectTag] ?? state.config.mlflow?.projects[model.name] else {
            return .skipped(reason: "no project: tag it \(projectTag)=PROJECT in MLflow, or map it under mlflow.projects in workspace.yml")
        }
        guard let found = state.projects[project] else {
            return .skipped(reason: "its project '\(project)' is not an mlboard project")
        }
        guard !found.archived else {
            return .skipped(reason: "its project '\(project)' is archived")
        }
        return .model(slug: slug, project: project, isNew: true)
    }

    /// The MLflow version numbers already pulled into mlboard model `slug`, with the mlboard
    /// version each became.
    public static func pulledVersions(of slug: String, in state: BoardState) -> [String: VersionRef] {
        var found: [String: VersionRef] = [:]
        for version in state.versions.values where version.ref.model == slug {
            if let number = version.lineage.tags[versionTag] { found[number] = version.ref }
        }
        return found
    }

    /// The MLflow name recorded on the versions of mlboard model `slug`, if any came from MLflow.
    public static func mlflowName(of slug: String, in state: BoardState) -> String? {
        state.versions.values.lazy.filter { $0.ref.model == slug }.compactMap { $0.lineage.tags[modelTag] }.first
    }
}
