import BoardCore

/// Each pane's identity: what the UI state remembers (focus, cursors, filters). Everything
/// else about a pane, its number key too, comes from its type's place in `PaneRegistry`;
/// the raw value repeats that place (`PaneRegistryTests` checks they agree).
public enum Pane: Int, CaseIterable, Sendable {
    case overview = 1, projects, team, models, challenges, approvals, activity

    public var title: String { registered.title }

    var scope: KeyScope { registered.scope }

    /// The pane's type, from the registry.
    var registered: any DashboardPane { PaneRegistry.pane(self) }
}

/// What covers the panes, if anything.
public enum Overlay: Sendable {
    case help
    case confirm(Confirmation)
    case form(Form)
    case review(requestID: String)
    case projectDetail(slug: String)
    case challengeDetail(id: String)
    case versionDetail(VersionRef)

    /// A detail or review: what it shows is what its keys act on, and it scrolls.
    var isDetail: Bool {
        switch self {
        case .review, .projectDetail, .challengeDetail, .versionDetail: true
        case .help, .confirm, .form: false
        }
    }
}

/// A governance or destructive action waiting for y/n.
public struct Confirmation: Sendable {
    public var question: String
    /// nil asks to quit.
    public var command: Command?
    public var success: String
}

public enum ProjectSort: Int, CaseIterable, Sendable {
    case name, step, challenges, pending

    var title: String {
        switch self {
        case .name: "name"
        case .step: "step"
        case .challenges: "open challenges"
        case .pending: "pending requests"
        }
    }
}

/// Everything about the screen that is not workspace state: focus, cursors, filters, overlays.
public struct UIState: Sendable {
    public var pane: Pane = .overview
    public var selection: [Pane: Int] = [:]
    public var filters: [Pane: String] = [:]
    /// Each pane's last filter text, kept after the filter is cleared, for search-next.
    public var lastFilters: [Pane: String] = [:]
    public var editingFilter = false
    public var overlays: [Overlay] = []
    public var commandLine: String?
    public var status: (text: String, isError: Bool) = ("", false)
    public var projectSort: ProjectSort = .name
    /// Whether Projects lists the archived projects instead of the live ones.
    public var showArchivedProjects = false
    public var matrixFocused = false
    public var matrixProject: String?
    public var matrixCursor = (row: 0, column: 0)
    public var modelsColumn = 0
    public var modelsRow: [Int: Int] = [:]
    public var quitting = false
    public var helpScroll = 0
    /// How far the open detail or review is scrolled, in lines.
    public var detailScroll = 0

    public init() {}

    public var filter: String { filters[pane] ?? "" }

    /// The detail or review open over the panes (under the help, if that is open too).
    public var detail: Overlay? {
        overlays.last(where: \.isDetail)
    }

    public var scope: KeyScope {
        switch detail {
        case .review: return .review
        case .projectDetail: return .projectDetail
        case .challengeDetail: return .challengeDetail
        case .versionDetail: return .versionDetail
        default: break
        }
        return pane.registered.scope(in: self)
    }

    /// Whether a y/n question is open (it answers Ctrl-C itself).
    var askingQuestion: Bool {
        if case .confirm = overlays.last { return true }
        return false
    }

    /// Whether the top overlay is one to read (help, detail, review) rather than a question or form.
    var readingOverlay: Bool {
        switch overlays.last {
        case .help, .review, .projectDetail, .challengeDetail, .versionDetail: true
        case .confirm, .form, nil: false
        }
    }

    func selected(_ pane: Pane) -> Int { selection[pane] ?? 0 }
}
