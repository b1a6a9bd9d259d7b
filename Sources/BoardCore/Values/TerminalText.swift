/// The one rule for what may reach a terminal as it is, for the dashboard and the command line
/// alike: control characters are shown escaped (ESC as "^[", a newline as "⏎"), and C1 controls
/// and format characters (bidirectional overrides, zero-width and tag characters, U+FEFF) as
/// "\u{202e}", never sent as they are.
public enum TerminalText {
    /// How `scalar` is shown instead of itself, or nil when it may be shown as it is.
    public static func escaped(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x0A: return "⏎"
        case 0x09: return " "
        case 0x00..<0x20: return "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
        case 0x7F: return "^?"
        case 0x80..<0xA0: return "\\u{\(String(scalar.value, radix: 16))}"
        default:
            guard scalar.properties.generalCategory == .format else { return nil }
            return "\\u{\(String(scalar.value, radix: 16))}"
        }
    }

    /// `text` made safe, for one line of output. A joiner between two visible characters stays,
    /// as TextRules allows it (emoji sequences need it).
    public static func sanitized(_ text: String) -> String {
        sanitized(text, keepingTabs: false)
    }

    /// The same, line by line, for text printed as several lines (reports, listings, messages,
    /// help); tabs stay too, as they only move the cursor.
    public static func sanitizedLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { sanitized(String($0), keepingTabs: true) }.joined(separator: "\n")
    }

    private static func sanitized(_ text: String, keepingTabs: Bool) -> String {
        if TextRules.isPrintableASCII(text) { return text }
        let scalars = Array(text.unicodeScalars)
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for (index, scalar) in scalars.enumerated() {
            let passes = (keepingTabs && scalar == "\t") || TextRules.isAllowedJoiner(at: index, in: scalars)
            if !passes, let shown = escaped(scalar) {
                result += shown
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
