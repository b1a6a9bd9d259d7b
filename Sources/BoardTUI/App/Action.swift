/// Everything a key can do. The key map binds keys to these; the dashboard performs them.
public enum Action: String, CaseIterable, Sendable {
    // Global
    case quit, help, back, filter, commandLine = "command", nextPane = "next-pane", previousPane = "previous-pane"
    case paneOverview = "pane-1", paneProjects = "pane-2", paneTeam = "pane-3", paneModels = "pane-4"
    case paneChallenges = "pane-5", paneApprovals = "pane-6", paneActivity = "pane-7"
    case up, down, left, right, pageUp = "page-up", pageDown = "page-down", top, bottom
    case open, copy, searchNext = "search-next", searchPrevious = "search-previous"
    // Pane actions
    case sort, newItem = "new", comment, requestPromotion = "promote", moveStatus = "move-status"
    case approve, reject, withdraw
    case assignR = "assign-r", assignA = "assign-a", assignC = "assign-c", assignI = "assign-i", unassign
    case nextProject = "next-project", previousProject = "previous-project", toggleFocus = "toggle-focus"
    case archive, edit, restore, toggleArchived = "toggle-archived"
}

/// Where a binding applies.
public enum KeyScope: String, Sendable, CaseIterable {
    case global, overview, projects, team, teamMatrix = "team-matrix", models, challenges, approvals, activity
    case projectDetail = "project-detail", challengeDetail = "challenge-detail", versionDetail = "version-detail", review

    /// A detail or review over the panes: it owns the keys, so of the global actions only
    /// those that cannot touch the list behind it apply.
    var isOverlay: Bool { [.projectDetail, .challengeDetail, .versionDetail, .review].contains(self) }

    static let actionsReachingOverlays: Set<Action> = [
        .quit, .help, .back, .commandLine, .up, .down, .pageUp, .pageDown, .top, .bottom, .copy,
    ]
}
