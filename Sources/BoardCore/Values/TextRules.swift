/// Limits on identifiers and text that every command is checked against.
public enum TextRules {
    public static let maxSlugLength = 64
    public static let maxNameLength = 200
    public static let maxLongTextLength = 20_000

    /// Lower-case letters, digits and dashes, 1 to 64 characters.
    public static func isValidSlug(_ text: String) -> Bool {
        guard (1...maxSlugLength).contains(text.count) else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
        }
    }

    /// Control characters (C0, DEL, C1), which could drive a terminal, and bidirectional
    /// overrides, which could make text read differently from what it is; newlines are
    /// allowed only where `allowNewlines` says so.
    public static func containsControlCharacters(_ text: String, allowNewlines: Bool) -> Bool {
        text.unicodeScalars.contains { scalar in
            if allowNewlines && scalar == "\n" { return false }
            let value = scalar.value
            return value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) || isBidiControl(value)
        }
    }

    public static func isBidiControl(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }
}
