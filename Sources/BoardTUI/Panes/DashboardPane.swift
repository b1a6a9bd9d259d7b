/// One pane of the dashboard, as its own type: its title and key scope, its key bindings, its
/// rows, its key handlers and its draw function. Every pane is listed once, in
/// `PaneRegistry.panes`; the dashboard asks the focused pane instead of switching over the
/// panes itself. Handlers change the pane's own view state in `ui` and return the rest
/// (write a command, open a form, copy a text) as `Effect`s for the dashboard to carry out.
protocol DashboardPane: Sendable {
    /// The pane's identity, which the UI state remembers (focus, cursors, filters).
    var pane: Pane { get }
    /// Its name in the tab row, the help overlay and `:pane`.
    var title: String { get }
    /// The scope of its keys in `KeyMap` (and its section in config.toml).
    var scope: KeyScope { get }
    /// Its keys, in the order `?` lists them: those of `scope`, and of the scopes it opens
    /// (its detail or review, the Team pane's matrix). `KeyMap.standard` collects them.
    var bindings: [KeyMap.Binding] { get }
    /// The scope its keys are in now (Team's matrix has its own), when no detail is open.
    func scope(in ui: UIState) -> KeyScope

    /// Draws the pane into `rect`.
    func draw(_ context: PaneContext, in rect: Rect, into buffer: inout CellBuffer)
    /// What follows the title in the tab row, such as a count waiting for you.
    func badge(_ rows: PaneRows) -> String

    // MARK: Rows

    /// The rows the cursor moves over; nil for a pane without a list.
    func list(_ context: PaneContext) -> PaneList?
    /// The cursor's row in `list`.
    func cursor(_ ui: UIState) -> Int
    func setCursor(_ index: Int, in ui: inout UIState)
    /// The frame of the list inside `body` (nil without a list), and how many rows it shows:
    /// a page is what the list shows.
    func listArea(in body: Rect, ui: UIState) -> Rect?
    func visibleRows(in body: Rect, ui: UIState) -> Int
    /// Which of the pane's lists the cursor is in (the Models board has one per stage): an
    /// item is looked for again only in the list it was seen in.
    func listIndex(_ ui: UIState) -> Int
    /// The frame of the table whose rows a click selects; nil where clicks select nothing.
    func clickableTable(in body: Rect) -> Rect?

    // MARK: Input

    /// Carries out `action`, bound to a key of this pane's scopes (or Enter, Esc, h/l);
    /// nil when the action means nothing here.
    func perform(_ action: Action, ui: inout UIState, context: PaneContext) -> [Effect]?
    /// Moves the cursor by `delta` rows (j/k, the page keys, g/G).
    func move(by delta: Int, ui: inout UIState, context: PaneContext)
    /// What `y` copies: the selected item's id, or nil when nothing is selected.
    func copyText(_ context: PaneContext) -> String?
    /// Actions left out of the footer because they cannot succeed for the item in view.
    func actionsOutOfReach(_ context: PaneContext) -> Set<Action>
    /// What to do when the pane is shown.
    func shown() -> [Effect]
    /// Called after each key handled while the pane is focused.
    func keyHandled(ui: inout UIState, context: PaneContext)
}

/// What most panes share: one list whose cursor is `ui.selection[pane]`, filling the body.
extension DashboardPane {
    var bindings: [KeyMap.Binding] { [] }
    func scope(in ui: UIState) -> KeyScope { scope }
    func badge(_ rows: PaneRows) -> String { "" }
    func list(_ context: PaneContext) -> PaneList? { nil }
    func cursor(_ ui: UIState) -> Int { ui.selected(pane) }
    func setCursor(_ index: Int, in ui: inout UIState) { ui.selection[pane] = index }
    func listArea(in body: Rect, ui: UIState) -> Rect? { body }
    func visibleRows(in body: Rect, ui: UIState) -> Int { listArea(in: body, ui: ui).map(ListLayout.tableRows) ?? 1 }
    func listIndex(_ ui: UIState) -> Int { 0 }
    func clickableTable(in body: Rect) -> Rect? { nil }

    func perform(_ action: Action, ui: inout UIState, context: PaneContext) -> [Effect]? { nil }
    func move(by delta: Int, ui: inout UIState, context: PaneContext) { moveCursor(by: delta, ui: &ui, context: context) }
    func copyText(_ context: PaneContext) -> String? { nil }
    func actionsOutOfReach(_ context: PaneContext) -> Set<Action> { [] }
    func shown() -> [Effect] { [] }
    func keyHandled(ui: inout UIState, context: PaneContext) {}

    /// Moves the list's cursor, staying within its rows.
    func moveCursor(by delta: Int, ui: inout UIState, context: PaneContext) {
        let count = list(context)?.count ?? 0
        setCursor(max(0, min(count - 1, cursor(ui) + delta)), in: &ui)
    }
}
