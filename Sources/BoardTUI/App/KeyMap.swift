import Foundation

/// One key table drives everything: input handling, the footer hints and the `?` overlay,
/// so they cannot disagree. Users remap keys in $XDG_CONFIG_HOME/mlboard/config.toml.
public struct KeyMap: Sendable {
    public struct Binding: Sendable, Equatable {
        public var keys: [Key]
        public var action: Action
        public var scope: KeyScope
        public var help: String
        /// Shown in the footer of its scope (the rest only in `?`).
        public var hint: Bool

        init(_ keys: [Key], _ action: Action, _ scope: KeyScope, _ help: String, hint: Bool = false) {
            (self.keys, self.action, self.scope, self.help, self.hint) = (keys, action, scope, help, hint)
        }
    }

    public internal(set) var bindings: [Binding]

    /// The global keys, then each registered pane's, in registry order.
    public static let standard = KeyMap(bindings: globalBindings(switchingTo: PaneRegistry.panes) + PaneRegistry.panes.flatMap(\.bindings))

    /// The keys that work in every pane: a number key for each registered pane, in its place in the tab row.
    static func globalBindings(switchingTo panes: [any DashboardPane]) -> [Binding] {
        let numberKeys = panes.enumerated().compactMap { index, pane in
            Action.showPane(number: index + 1).map { b([.character(Character("\(index + 1)"))], $0, .global, pane.title) }
        }
        return [
            b([.character("q")], .quit, .global, "quit (asks first if a form has unsaved input)", hint: true),
            b([.character("?")], .help, .global, "show every key", hint: true),
            b([.escape], .back, .global, "back, close, clear the filter"),
            b([.character("/")], .filter, .global, "filter the list as you type", hint: true),
            b([.character(":")], .commandLine, .global, "command line (:theme, :project, :pane, :quit)", hint: true),
            b([.tab], .nextPane, .global, "next pane"),
            b([.backTab], .previousPane, .global, "previous pane"),
        ] + numberKeys + [
            b([.character("k"), .up], .up, .global, "move up"),
            b([.character("j"), .down], .down, .global, "move down"),
            b([.character("h"), .left], .left, .global, "move left"),
            b([.character("l"), .right], .right, .global, "move right"),
            b([.pageUp, .control("b")], .pageUp, .global, "page up"),
            b([.pageDown, .control("f")], .pageDown, .global, "page down"),
            b([.character("g"), .home], .top, .global, "first row"),
            b([.character("G"), .end], .bottom, .global, "last row"),
            b([.enter], .open, .global, "open the selected item", hint: true),
            b([.character("y")], .copy, .global, "copy the selected item's id (OSC 52 clipboard)"),
            b([.control("n")], .searchNext, .global, "next row that matches the filter, or the last one cleared"),
            b([.control("p")], .searchPrevious, .global, "previous row that matches the filter"),
        ]
    }

    private static func b(_ keys: [Key], _ action: Action, _ scope: KeyScope, _ help: String, hint: Bool = false) -> Binding {
        Binding(keys, action, scope, help, hint: hint)
    }

    /// The action for `key` in `scope`; the scope's own bindings win over global ones.
    public func action(for key: Key, in scope: KeyScope) -> Action? {
        if let own = bindings.first(where: { $0.scope == scope && $0.keys.contains(key) }) { return own.action }
        return globalBindings(reaching: scope).first { $0.keys.contains(key) }?.action
    }

    public func bindings(in scope: KeyScope) -> [Binding] { bindings.filter { $0.scope == scope } }

    /// The global bindings that apply in `scope`: all of them on a pane, fewer in an overlay.
    public func globalBindings(reaching scope: KeyScope) -> [Binding] {
        let global = bindings(in: .global)
        return scope.isOverlay ? global.filter { KeyScope.actionsReachingOverlays.contains($0.action) } : global
    }

    /// Footer hints: the scope's hinted keys, then (unless left out) the global ones, without
    /// the actions that cannot succeed where the cursor is.
    public func hints(for scope: KeyScope, withGlobal: Bool = true, excluding: Set<Action> = []) -> [(keys: String, help: String)] {
        (bindings(in: scope) + (withGlobal ? globalBindings(reaching: scope) : [])).filter { $0.hint && !excluding.contains($0.action) }.map { binding in
            (binding.keys.map(\.description).joined(separator: "/"), KeyMap.shortHelp(binding.help))
        }
    }

    static func shortHelp(_ help: String) -> String {
        String(help.split(separator: " (").first ?? Substring(help))
    }
}
