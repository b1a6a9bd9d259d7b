import BoardCore

/// What handling a key asks for beyond the view state a pane changes itself (cursors, sort,
/// focus): panes return these and the dashboard carries them out, handing the terminal's
/// work to the runner.
enum Effect {
    /// Write the command; the status line says `success`, or the rule's message on refusal.
    case write(Command, success: String)
    /// Ask y/n before writing.
    case ask(Confirmation)
    /// Open a form, a detail or a review over the panes.
    case open(Overlay)
    case say(String)
    case complain(String)
    case showPane(Pane)
    /// Read the activity older than the state keeps (the first time Activity shows).
    case loadOlderActivity
    /// The focused list was replaced by another: the cursor goes to its first row.
    case cursorToTop
    case terminal(TerminalEffect)
}

/// Work on the terminal a key asks for, which the runner carries out.
public enum TerminalEffect: Equatable, Sendable {
    /// Put the text on the clipboard (OSC 52, works over ssh).
    case copy(String)
    /// Load the named theme and apply it.
    case switchTheme(String)
}
