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

    /// Draws the pane into `rect`.
    func draw(_ context: PaneContext, in rect: Rect, into buffer: inout CellBuffer)
}
