import BoardCore
import CNCurses

/// Makes text from the data directory safe for the terminal by BoardCore's TerminalText rule,
/// shared with the command line: control characters and escape sequences are shown escaped
/// (ESC as "^[", newline as "⏎"), and so are format characters that would be invisible or
/// reorder text (U+FEFF, bidirectional overrides, tag characters shown as "\u{202e}"); none is
/// ever sent as it is. Characters that only choose how an emoji looks
/// (zero-width joiners, variation selectors, skin tones) are left out: terminals disagree with
/// the C library on the width of what they form, and a border would move.
///
/// On an ASCII terminal every other character becomes ASCII too: the interface's symbols by
/// their ASCII spelling (… as ..., → as ->), data as a fixed-width escape (\u554f, \U0001f7e0).
/// Line-drawing characters stay: the backend draws them with the terminal's own line set.
public enum Sanitize {
    public static func forTerminal(_ text: String) -> String {
        forTerminal(text, charset: .current)
    }

    static func forTerminal(_ text: String, charset: TerminalCharset) -> String {
        if TextRules.isPrintableASCII(text) { return text }  // every terminal shows it as it is
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20..<0x7F: result.unicodeScalars.append(scalar)
            case 0x0A where charset == .ascii: result += "^J"
            case 0x00..<0x20, 0x7F: result += TerminalText.escaped(scalar) ?? ""
            default:
                switch charset {
                case .unicode: appendForUnicode(scalar, to: &result)
                case .ascii: appendForASCII(scalar, to: &result)
                }
            }
        }
        return result
    }

    private static func appendForUnicode(_ scalar: Unicode.Scalar, to result: inout String) {
        if isPresentationOnly(scalar) { return }
        if let shown = TerminalText.escaped(scalar) {
            result += shown
        } else if mlb_wcwidth(scalar.value) < 0 {
            result += "\\u{\(String(scalar.value, radix: 16))}"
        } else {
            result.unicodeScalars.append(scalar)
        }
    }

    private static func appendForASCII(_ scalar: Unicode.Scalar, to result: inout String) {
        if LineDrawing.letters[Character(scalar)] != nil {
            result.unicodeScalars.append(scalar)
        } else if let spelling = asciiSpelling[scalar] {
            result += spelling
        } else if isPresentationOnly(scalar) {
            return
        } else if scalar.value <= 0xFFFF {
            result += "\\u" + hex(scalar.value, digits: 4)
        } else {
            result += "\\U" + hex(scalar.value, digits: 8)
        }
    }

    /// Zero-width joiners and non-joiners, variation selectors and emoji skin-tone modifiers.
    private static func isPresentationOnly(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200C, 0x200D, 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0x1F3FB...0x1F3FF: true
        default: false
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// The interface's own symbols, and common punctuation, as ASCII.
    private static let asciiSpelling: [Unicode.Scalar: String] = [
        "…": "...", "·": "-", "→": "->", "←": "<-", "↑": "^", "↓": "v", "⇧": "^", "▶": ">", "◀": "<",
        "✓": "ok", "✗": "x", "█": "#", "▌": "#", "■": "#", "□": "-", "★": "*", "⟳": "@", "⚠": "!",
        "▏": "_", "⏎": "^J", "—": "--", "–": "-", "‘": "'", "’": "'", "“": "\"", "”": "\"", "•": "*",
        "×": "x", "≥": ">=", "≤": "<=", "\u{A0}": " ",
    ]
}

/// The line-drawing characters frames use, with the VT100 alternate-charset letter each is
/// drawn with where the terminal is not UTF-8.
enum LineDrawing {
    static let letters: [Character: CChar] = [
        "┌": 0x6C, "┐": 0x6B, "└": 0x6D, "┘": 0x6A, "│": 0x78, "─": 0x71,
        "├": 0x74, "┤": 0x75, "┬": 0x77, "┴": 0x76, "┼": 0x6E,
    ]
}
