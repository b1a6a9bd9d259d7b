import BoardCore
import Foundation

/// The dashboard's brain: takes keys, changes the UI state or sends commands, and draws
/// frames into a cell buffer. Knows nothing of ncurses, so tests drive it directly.
public final class Dashboard {
    public let workspace: DashboardWorkspace
    public var keyMap: KeyMap
    public var ui = UIState()
    public var themeName = "default"
    /// Who else has the dashboard open, refreshed by the runner.
    public var othersPresent: [String] = []
    /// When the last change from elsewhere arrived.
    public var lastRemoteChange: Instant?
    public var themeNames: [String] = ["default"]
    /// The size of the last frame drawn: a page of a list is as many rows as it showed.
    var lastFrame = (width: Dashboard.minimumSize.width, height: Dashboard.minimumSize.height)
    /// How far the open detail could scroll when it was last drawn.
    var detailScrolling = DetailScroll()
    /// Problems found in config.toml and the theme files, listed by `?`.
    public internal(set) var settingsProblems: [String] = []
    let clock: () -> Instant

    public init(workspace: DashboardWorkspace, keyMap: KeyMap = .standard, clock: @escaping () -> Instant = { Instant(Date()) }) {
        self.workspace = workspace
        self.keyMap = keyMap
        self.clock = clock
    }

    var state: BoardState { workspace.state }
    var me: String { workspace.me.handle }
    /// The rows and figures panes derive from the state, kept between frames.
    private var rowCache: RowCache?
    let activityHistory = ActivityHistory()
    /// The item each list's cursor is on; see `keepCursorOnItem`.
    var cursorAnchors: [Pane: CursorAnchor] = [:]

    var rows: PaneRows {
        let state = self.state
        if rowCache?.config != state.config { rowCache = RowCache(config: state.config, changeLog: workspace.projectChangeLog) }
        return PaneRows(state: state, ui: ui, me: me, now: clock(), cache: rowCache, activityHistory: activityHistory)
    }

    /// What the panes read, as of now.
    var context: PaneContext {
        let workspace = workspace
        return PaneContext(state: state, ui: ui, rows: rows, actor: workspace.me, now: clock()) { target in
            Result { try workspace.comments(on: target) }
        }
    }

    /// The focused pane's type.
    var focused: any DashboardPane { ui.pane.registered }

    /// Reads the activity older than the state keeps, the first time the Activity pane shows.
    /// Loads the activity older than the state keeps, unless the workspace reads it on another
    /// thread (see `olderActivityToRead`).
    func loadActivityHistory() {
        if activityHistory.isLoaded && !activityHistory.joins(state.activity) { activityHistory.reset() }
        guard !activityHistory.isLoaded, workspace.activityHistoryReader() == nil else { return }
        do {
            try activityHistory.load(from: workspace)
        } catch {
            complain("older activity could not be read: \(error)")
        }
    }

    /// The read the runner should start on another thread: the Activity pane is shown, it lacks
    /// the activity older than the state keeps, and no read is under way. Marks the read begun.
    public func olderActivityToRead() -> (@Sendable () throws -> [ActivityEntry])? {
        guard ui.pane == .activity else { return nil }
        if activityHistory.isLoaded && !activityHistory.joins(state.activity) { activityHistory.reset() }
        guard !activityHistory.isLoaded, !activityHistory.isReading, !ActivityHistory.stateHoldsAll(state),
              let read = workspace.activityHistoryReader() else { return nil }
        activityHistory.beginReading()
        return read
    }

    /// What a read of the older activity on another thread found.
    public func olderActivityArrived(_ result: Result<[ActivityEntry], any Error>) {
        switch result {
        case .success(let entries): activityHistory.finishReading(entries)
        case .failure(let error):
            activityHistory.readFailed()
            complain("older activity could not be read: \(error)")
        }
    }

    public var isQuitting: Bool { ui.quitting }

    // MARK: Status line

    func say(_ text: String) { ui.status = (text, false) }
    func complain(_ text: String) { ui.status = (text, true) }

    /// Sends a command; on refusal the reason goes to the status line and nothing is saved.
    @discardableResult
    func submit(_ command: Command, success: String) -> WriteRefusal? {
        do {
            try workspace.run(command, now: clock())
            say(success)
            return nil
        } catch let violation as RuleViolation {
            complain(violation.description)
            return .rule(violation)
        } catch {
            complain("\(error)")
            return .store("\(error)")
        }
    }

    /// Sends commands that belong together, as one form's. Each is first checked against the
    /// state the ones before it leave; when a rule refuses any of them, none is written.
    @discardableResult
    func submit(all commands: [Command], success: String) -> WriteRefusal? {
        var scratch = state
        let now = clock()
        for command in commands {
            switch decide(command, state: scratch, actor: workspace.me, now: now) {
            case .failure(let violation):
                complain(violation.description)
                return .rule(violation)
            case .success(let events):
                for event in events {
                    BoardCore.apply(EventRecord(sequence: scratch.lastSequence + 1, at: now, actor: workspace.me, event: event), to: &scratch)
                }
            }
        }
        for command in commands {
            if let refusal = submit(command, success: success) { return refusal }
        }
        return nil
    }

    /// Called after events from other processes were applied: forms and reviews learn that
    /// what they show changed underneath.
    public func remoteChangesArrived(_ records: [EventRecord]) {
        guard !records.isEmpty else { return }
        workspace.projectChangeLog?.note(records)
        activityHistory.note(records)
        lastRemoteChange = clock()
        for index in ui.overlays.indices {
            if case .form(var form) = ui.overlays[index], let notice = staleNotice(for: form, after: records) {
                form.staleNotice = notice
                ui.overlays[index] = .form(form)
            }
        }
        clampSelections()
    }

    private func staleNotice(for form: Form, after records: [EventRecord]) -> String? {
        let touched: String?
        switch form.purpose {
        case .approve(let id, _), .reject(let id):
            touched = records.contains { record in
                switch record.event {
                case .approvalRecorded(let r, _), .requestApproved(let r), .requestRejected(let r, _),
                     .requestWithdrawn(let r), .requestSuperseded(let r, _): r == id
                default: false
                }
            } ? "\(id) changed since you opened this: now \(state.requests[id]?.status.rawValue ?? "gone"), \(state.requests[id].map { state.countedApprovers(of: $0).count } ?? 0) approvals" : nil
        case .requestPromotion(let ref):
            touched = records.contains { if case .stageChanged(let move) = $0.event { return move.version == ref } else { return false } }
                ? "\(ref) moved to \(state.versions[ref]?.stage ?? "?") since you opened this" : nil
        case .moveChallenge(let id):
            touched = records.contains { if case .challengeMoved(let c, _, _) = $0.event { return c == id } else { return false } }
                ? "\(id) is now \(state.challenges[id]?.status.rawValue ?? "?")" : nil
        default:
            touched = nil
        }
        return touched
    }

    func clampSelections() {
        let context = self.context
        for pane in PaneRegistry.panes {
            guard let count = pane.list(context)?.count else { continue }
            ui.selection[pane.pane] = max(0, min(ui.selected(pane.pane), count - 1))
        }
    }
}
