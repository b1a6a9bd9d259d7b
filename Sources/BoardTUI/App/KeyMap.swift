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
    }

    public internal(set) var bindings: [Binding]

    public static let standard = KeyMap(bindings: [
        b([.character("q")], .quit, .global, "quit (asks first if a form has unsaved input)", hint: true),
        b([.character("?")], .help, .global, "show every key", hint: true),
        b([.escape], .back, .global, "back, close, clear the filter"),
        b([.character("/")], .filter, .global, "filter the list as you type", hint: true),
        b([.character(":")], .commandLine, .global, "command line (:theme, :project, :pane, :quit)", hint: true),
        b([.tab], .nextPane, .global, "next pane"),
        b([.backTab], .previousPane, .global, "previous pane"),
        b([.character("1")], .paneOverview, .global, "Overview"),
        b([.character("2")], .paneProjects, .global, "Projects"),
        b([.character("3")], .paneTeam, .global, "Team"),
        b([.character("4")], .paneModels, .global, "Models"),
        b([.character("5")], .paneChallenges, .global, "Challenges"),
        b([.character("6")], .paneApprovals, .global, "Approvals"),
        b([.character("7")], .paneActivity, .global, "Activity"),
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

        b([.character("s")], .sort, .projects, "cycle the sort column", hint: true),
        b([.character("n")], .newItem, .projects, "new project", hint: true),
        b([.character("c")], .comment, .projects, "comment on the project", hint: true),
        b([.character("e")], .edit, .projects, "edit the project", hint: true),
        b([.character("A")], .archive, .projects, "archive the project (asks first)"),

        b([.character("["), .character("H")], .previousProject, .team, "previous project in the matrix"),
        b([.character("]"), .character("L")], .nextProject, .team, "next project in the matrix", hint: true),
        b([.character("m")], .toggleFocus, .team, "edit the RACI matrix", hint: true),
        b([.character("n")], .newItem, .team, "add a stakeholder", hint: true),
        b([.character("m"), .escape], .toggleFocus, .teamMatrix, "leave the matrix", hint: true),
        b([.character("r"), .character("R")], .assignR, .teamMatrix, "make Responsible", hint: true),
        b([.character("a"), .character("A")], .assignA, .teamMatrix, "make Accountable (one per step)", hint: true),
        b([.character("c"), .character("C")], .assignC, .teamMatrix, "make Consulted", hint: true),
        b([.character("i"), .character("I")], .assignI, .teamMatrix, "make Informed", hint: true),
        b([.character("x"), .delete], .unassign, .teamMatrix, "clear the cell (asks first)", hint: true),
        b([.character("["), .character("H")], .previousProject, .teamMatrix, "previous project"),
        b([.character("]"), .character("L")], .nextProject, .teamMatrix, "next project"),

        b([.character("p")], .requestPromotion, .models, "request a promotion of the version", hint: true),
        b([.character("n")], .newItem, .models, "register a new version of the model", hint: true),
        b([.character("c")], .comment, .models, "comment on the version", hint: true),

        b([.character("n")], .newItem, .challenges, "new challenge", hint: true),
        b([.character("e")], .edit, .challenges, "edit the challenge", hint: true),
        b([.character("m")], .moveStatus, .challenges, "move to another status", hint: true),
        b([.character("c")], .comment, .challenges, "comment on the challenge", hint: true),

        b([.character("a")], .approve, .approvals, "approve (asks first)", hint: true),
        b([.character("r")], .reject, .approvals, "reject with a comment (asks first)", hint: true),
        b([.character("w")], .withdraw, .approvals, "withdraw your own request (asks first)"),
        b([.character("c")], .comment, .approvals, "comment on the request", hint: true),

        b([.character("a")], .approve, .review, "approve (asks first)", hint: true),
        b([.character("r")], .reject, .review, "reject with a comment (asks first)", hint: true),
        b([.character("w")], .withdraw, .review, "withdraw your own request (asks first)"),
        b([.character("c")], .comment, .review, "comment on the request", hint: true),

        b([.character("e")], .edit, .projectDetail, "edit this project", hint: true),
        b([.character("c")], .comment, .projectDetail, "comment on this project", hint: true),
        b([.character("A")], .archive, .projectDetail, "archive this project (asks first)"),

        b([.character("e")], .edit, .challengeDetail, "edit this challenge", hint: true),
        b([.character("m")], .moveStatus, .challengeDetail, "move the challenge to another status", hint: true),
        b([.character("c")], .comment, .challengeDetail, "comment on this challenge", hint: true),

        b([.character("v")], .toggleArchived, .projects, "archived projects (list them, or the live ones again)", hint: true),
        b([.character("R")], .restore, .projects, "restore the archived project (asks first)"),
        b([.character("R")], .restore, .projectDetail, "restore this archived project (asks first)"),
        b([.character("p")], .requestPromotion, .versionDetail, "request a promotion of this version", hint: true),
        b([.character("c")], .comment, .versionDetail, "comment on this version", hint: true),
    ])

    private static func b(_ keys: [Key], _ action: Action, _ scope: KeyScope, _ help: String, hint: Bool = false) -> Binding {
        Binding(keys: keys, action: action, scope: scope, help: help, hint: hint)
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
