/// What a piece of screen means; a theme decides how it looks. Code never names a colour.
public enum StyleRole: String, CaseIterable, Sendable, Hashable {
    case normal
    case muted
    case border
    case focusedBorder = "border.focused"
    case title
    case header
    case selection
    case footer
    case key
    case status
    case error
    case success
    case warning
    case tabActive = "tab.active"
    case tabInactive = "tab.inactive"
    case bar
    case stageDevelopment = "stage.development"
    case stageStaging = "stage.staging"
    case stageProduction = "stage.production"
    case stageArchived = "stage.archived"
    case severityLow = "severity.low"
    case severityMedium = "severity.medium"
    case severityHigh = "severity.high"
    case severityCritical = "severity.critical"
    case pass
    case fail
    case badge
    case input
}
