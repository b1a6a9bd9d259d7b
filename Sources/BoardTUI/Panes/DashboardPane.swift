/// One pane of the dashboard, as its own type: its title and key scope, its key bindings, its
/// rows and its draw function. Every pane is listed once, in `PaneRegistry.panes`; the
/// dashboard asks the focused pane instead of switching over the panes itself.
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
}

/// What most panes share: one list whose cursor is `ui.selection[pane]`, filling the body.
extension DashboardPane {
    var bindings: [KeyMap.Binding] { [] }
    func badge(_ rows: PaneRows) -> String { "" }
    func list(_ context: PaneContext) -> PaneList? { nil }
    func cursor(_ ui: UIState) -> Int { ui.selected(pane) }
    func setCursor(_ index: Int, in ui: inout UIState) { ui.selection[pane] = index }
    func listArea(in body: Rect, ui: UIState) -> Rect? { body }
    func visibleRows(in body: Rect, ui: UIState) -> Int { listArea(in: body, ui: ui).map(ListLayout.tableRows) ?? 1 }
    func listIndex(_ ui: UIState) -> Int { 0 }
    func clickableTable(in body: Rect) -> Rect? { nil }
}
