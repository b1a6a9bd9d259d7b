import BoardCore

/// MLflow's fixed stages (None, Staging, Production, Archived) for mlboard's configurable ones.
enum StageNames {
    static func mlflowStage(for stage: String, config: WorkspaceConfig) -> String {
        if stage == config.policy.productionStage { return "Production" }
        if stage == config.policy.archiveStage { return "Archived" }
        if stage.lowercased() == "staging" { return "Staging" }
        return "None"
    }
}
