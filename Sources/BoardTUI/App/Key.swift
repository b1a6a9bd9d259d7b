/// A key press, decoded from the terminal.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    case control(Character)
    case up, down, left, right
    case enter, escape, tab, backTab, backspace, delete
    case pageUp, pageDown, home, end
    case resize

    /// How help and the footer show it.
    public var description: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .control(let c): "Ctrl-\(c.uppercased())"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .resize: "resize"
        }
    }

    /// Parses the names used in config.toml and help: "j", "Enter", "Ctrl-r", "S-Tab", "Down".
    public init?(name: String) {
        let lower = name.lowercased()
        let named: [String: Key] = [
            "up": .up, "down": .down, "left": .left, "right": .right, "enter": .enter, "return": .enter,
            "esc": .escape, "escape": .escape, "tab": .tab, "s-tab": .backTab, "shift-tab": .backTab,
            "backspace": .backspace, "bksp": .backspace, "delete": .delete, "del": .delete, "pgup": .pageUp,
            "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end,
            "space": .character(" "),
        ]
        if let key = named[lower] { self = key; return }
        if lower.hasPrefix("ctrl-"), name.count == 6, let last = lower.last { self = .control(last); return }
        if name.count == 1, let only = name.first { self = .character(only); return }
        return nil
    }
}
