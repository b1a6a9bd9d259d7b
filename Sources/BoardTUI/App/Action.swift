/// Everything a key can do. The key map binds keys to these; the dashboard performs them.
public enum Action: String, CaseIterable, Sendable {
    // Global
    case quit, help, back, filter, commandLine = "command", nextPane = "next-pane", previousPane = "previous-pane"
    /// The number keys: the pane in that place of the tab row (`PaneRegistry.panes`).
    case pane1 = "pane-1", pane2 = "pane-2", pane3 = "pane-3", pane4 = "pane-4", pane5 = "pane-5"
    case pane6 = "pane-6", pane7 = "pane-7", pane8 = "pane-8", pane9 = "pane-9"
    case up, down, left, right, pageUp = "page-up", pageDown = "page-down", top, bottom
    case open, copy, searchNext = "search-next", searchPrevious = "search-previous"
    // Pane actions
    case sort, newItem = "new", comment, requestPromotion = "promote", moveStatus = "move-status"
    case approve, reject, withdraw
    case assignR = "assign-r", assignA = "assign-a", assignC = "assign-c", assignI = "assign-i", unassign
    case nextProject = "next-project", previousProject = "previous-project", toggleFocus = "toggle-focus"
    case archive, edit, restore, toggleArchived = "toggle-archived"
}

extension Action {
    /// The action of the number key `number`, if there is such a key.
    static func showPane(number: Int) -> Action? { Action(rawValue: "pane-\(number)") }

    /// The place in the tab row this action's number key shows, if it is a number key.
    var paneNumber: Int? {
        rawValue.hasPrefix("pane-") ? Int(rawValue.dropFirst("pane-".count)) : nil
    }
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
