/// Makes text from the data directory safe for the terminal: control characters and escape
/// sequences are shown escaped (ESC as "^[", newline as "⏎", bidirectional overrides as
/// "\u{202e}"), never sent as they are.
public enum Sanitize {
    public static func forTerminal(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: result += "⏎"
            case 0x09: result += " "
            case 0x00..<0x20: result += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
            case 0x7F: result += "^?"
            case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069: result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
