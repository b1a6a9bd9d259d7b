import BoardCore

/// What a pane reads to draw itself and to handle a key: the state, the screen's state, the
/// rows derived from them, who is looking and when. A value: a pane never reaches back into
/// the dashboard; what it wants done beyond its own view state it returns as `Effect`s.
struct PaneContext {
    let state: BoardState
    let ui: UIState
    let rows: PaneRows
    let actor: Actor
    let now: Instant
    /// The comments on one thing: history, read from the workspace on demand.
    let comments: (CommentTarget) -> Result<[Comment], any Error>

    var me: String { actor.handle }

    func stageStyle(_ stage: String) -> StyleRole {
        let policy = state.config.policy
        if stage == policy.productionStage { return .stageProduction }
        if stage == policy.archiveStage { return .stageArchived }
        if stage == state.config.initialStage { return .stageDevelopment }
        return .stageStaging
    }

    static func severityStyle(_ severity: Severity) -> StyleRole {
        switch severity {
        case .low: .severityLow
        case .medium: .severityMedium
        case .high: .severityHigh
        case .critical: .severityCritical
        }
    }
}
