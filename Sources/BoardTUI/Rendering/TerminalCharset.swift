import CNCurses

/// What a frame may send to the terminal: any printable Unicode where the locale's character
/// set is UTF-8; elsewhere (LC_ALL=C, LANG unset) ASCII, with borders drawn as line-drawing
/// characters that ncurses sends through the terminal's alternate character set.
public enum TerminalCharset: Sendable, Equatable {
    case unicode
    case ascii

    /// Set around drawing code (tests) to draw for a charset other than the locale's.
    @TaskLocal static var chosen: TerminalCharset?

    /// The charset of the current locale (after `setlocale`), unless one was chosen.
    public static var current: TerminalCharset {
        chosen ?? (mlb_codeset_is_utf8() != 0 ? .unicode : .ascii)
    }

    /// Runs `body` drawing for `charset` whatever the locale.
    public static func drawing<T>(for charset: TerminalCharset, _ body: () throws -> T) rethrows -> T {
        try $chosen.withValue(charset, operation: body)
    }
}
