/// Limits on identifiers and text that every command is checked against.
public enum TextRules {
    public static let maxSlugLength = 64
    public static let maxNameLength = 200
    public static let maxLongTextLength = 20_000
    /// URIs, run ids and commits: longer than a name, shorter than a comment.
    public static let maxReferenceLength = 2_000

    /// Lower-case letters, digits and dashes, 1 to 64 characters.
    public static func isValidSlug(_ text: String) -> Bool {
        guard (1...maxSlugLength).contains(text.count) else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
        }
    }

    public static func containsControlCharacters(_ text: String, allowNewlines: Bool) -> Bool {
        firstForbiddenCharacter(in: text, allowNewlines: allowNewlines) != nil
    }

    /// The first character that must not be stored: control characters (C0, DEL, C1), which
    /// could drive a terminal, and format characters (Unicode category Cf: bidirectional
    /// overrides, zero-width characters, U+FEFF, tag characters), which are invisible or make
    /// text read differently from what it is. Newlines pass only where `allowNewlines` says so.
    /// Zero-width joiners and non-joiners are the exception where they join two visible
    /// characters: emoji sequences (👩‍💻) and several scripts (Persian, Hindi) need them.
    public static func firstForbiddenCharacter(in text: String, allowNewlines: Bool) -> Unicode.Scalar? {
        if isPrintableASCII(text, allowNewlines: allowNewlines) { return nil }
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if allowNewlines && scalar == "\n" { continue }
            if isForbidden(scalar) && !isAllowedJoiner(at: index, in: scalars) { return scalar }
        }
        return nil
    }

    /// Whether `text` is printable ASCII only (and newlines, when allowed): most text is, none
    /// of it is forbidden, and every terminal shows it as it is. Checked byte by byte, without
    /// making an array of its scalars or looking up their categories (a batch checks every
    /// command; a frame, every cell's text). Over the string's own bytes, a loop the compiler
    /// makes tight; over its UTF-8 view the same check was three times slower and showed in a
    /// commit's profile.
    public static func isPrintableASCII(_ text: String, allowNewlines: Bool = false) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            bytes.allSatisfy { byte in (byte >= 0x20 && byte < 0x7F) || (allowNewlines && byte == UInt8(ascii: "\n")) }
        }
    }

    /// A zero-width joiner or non-joiner with a visible character on either side.
    public static func isAllowedJoiner(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        let value = scalars[index].value
        guard value == 0x200C || value == 0x200D, index > 0, index + 1 < scalars.count else { return false }
        return isVisible(scalars[index - 1]) && isVisible(scalars[index + 1])
    }

    private static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        !isForbidden(scalar) && !scalar.properties.isWhitespace
    }

    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value)
            || scalar.properties.generalCategory == .format
    }

    /// "U+202E", the way a message names a character without printing it.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A message naming the field and the first forbidden character, or nil when the text is clean.
    public static func forbiddenCharacterProblem(in text: String, field: String, allowNewlines: Bool) -> String? {
        guard let scalar = firstForbiddenCharacter(in: text, allowNewlines: allowNewlines) else { return nil }
        let kind = scalar.properties.generalCategory == .format ? "an invisible format character" : "a control character"
        let allowed = allowNewlines ? " (only newlines are allowed)" : ""
        return "\(field) contains \(kind), \(codePoint(scalar))\(allowed)"
    }
}
