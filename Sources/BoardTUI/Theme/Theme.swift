import Foundation

/// A colour as a theme names it.
public enum ThemeColor: Equatable, Sendable {
    /// The terminal's own colour, so transparent and light terminals look right.
    case terminalDefault
    /// One of the 16 ANSI colours (0-15).
    case ansi(Int)
    /// An index of the 256-colour palette.
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    static func parse(_ word: String) -> ThemeColor? {
        let lower = word.lowercased()
        if lower == "default" { return .terminalDefault }
        if let index = names.firstIndex(of: lower) { return .ansi(index) }
        if lower.hasPrefix("bright-"), let index = names.firstIndex(of: String(lower.dropFirst(7))) { return .ansi(index + 8) }
        if lower.hasPrefix("color"), let index = Int(lower.dropFirst(5)), (0...255).contains(index) { return .indexed(index) }
        if lower.hasPrefix("#"), lower.count == 7, let value = UInt32(lower.dropFirst(), radix: 16) {
            return .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
        }
        return nil
    }
}

public enum TextAttribute: String, CaseIterable, Sendable {
    case bold, dim, underline, reverse, italic
}

/// How one style role looks.
public struct Style: Equatable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: Set<TextAttribute>

    public init(_ foreground: ThemeColor = .terminalDefault, on background: ThemeColor = .terminalDefault,
                _ attributes: Set<TextAttribute> = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// "bold cyan on default": attributes, then a foreground, then optionally "on" a background.
    static func parse(_ text: String) -> Result<Style, StyleError> {
        var style = Style()
        var words = text.split(separator: " ").map(String.init)[...]
        var sawForeground = false
        while let word = words.first {
            words = words.dropFirst()
            if let attribute = TextAttribute(rawValue: word.lowercased()) {
                style.attributes.insert(attribute)
            } else if word.lowercased() == "on" {
                guard let next = words.first, let color = ThemeColor.parse(next) else {
                    return .failure(StyleError(message: "'on' must be followed by a colour"))
                }
                style.background = color
                words = words.dropFirst()
            } else if !sawForeground, let color = ThemeColor.parse(word) {
                style.foreground = color
                sawForeground = true
            } else {
                return .failure(StyleError(message: "'\(word)' is not a colour (black..white, bright-NAME, colorN, #rrggbb, default) or an attribute (bold, dim, underline, reverse, italic)"))
            }
        }
        return .success(style)
    }
}

/// Maps every style role to a style.
public struct Theme: Equatable, Sendable {
    public var name: String
    public var styles: [StyleRole: Style]

    public func style(for role: StyleRole) -> Style {
        styles[role] ?? styles[.normal] ?? Style()
    }
}

struct StyleError: Error {
    var message: String
}
