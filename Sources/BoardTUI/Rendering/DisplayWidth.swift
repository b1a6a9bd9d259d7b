import BoardCore
import CNCurses

/// How many terminal columns text takes, measured as ncurses measures it: the C library's
/// wcwidth of each code point of the text as it will be drawn (after `Sanitize`), so the frame
/// and the terminal agree on where every border is. Needs `setlocale` to have chosen the
/// locale; on an ASCII terminal every drawn character takes one column.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        if TextRules.isPrintableASCII(text) { return text.utf8.count }
        let charset = TerminalCharset.current
        return Sanitize.forTerminal(text, charset: charset).reduce(0) { $0 + columns(of: $1, charset: charset) }
    }

    /// The columns of one character of text already made safe by `Sanitize`.
    public static func of(_ character: Character) -> Int {
        columns(of: character, charset: .current)
    }

    static func columns(of character: Character, charset: TerminalCharset) -> Int {
        if character.isASCII || charset == .ascii { return 1 }
        return character.unicodeScalars.reduce(0) { $0 + max(0, Int(mlb_wcwidth($1.value))) }
    }

    /// The longest prefix of `text` (as drawn) that fits in `columns`, ending in an ellipsis
    /// when cut.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        let charset = TerminalCharset.current
        let drawn = Sanitize.forTerminal(text, charset: charset)
        let widths = drawn.map { self.columns(of: $0, charset: charset) }
        if widths.reduce(0, +) <= columns { return drawn }
        let ellipsis = charset == .unicode ? "…" : "..."
        let room = columns >= ellipsis.count + 1 ? columns - ellipsis.count : columns
        var result = ""
        var used = 0
        for (character, width) in zip(drawn, widths) {
            if used + width > room { break }
            result.append(character)
            used += width
        }
        return room < columns ? result + ellipsis : result
    }

    /// `text` cut or padded with spaces to exactly `columns`.
    public static func fit(_ text: String, to columns: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: columns)
        let padding = String(repeating: " ", count: max(0, columns - of(cut)))
        return alignRight ? padding + cut : cut + padding
    }
}
