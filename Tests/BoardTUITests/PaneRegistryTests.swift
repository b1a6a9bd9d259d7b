import Testing
@testable import BoardTUI

/// The registry is the one list of panes: a pane added to `Pane` but not registered, registered
/// out of its number's place, or given keys in a scope another pane owns, fails here; so does a
/// pane whose keys or number key the help overlay or the tab row leave out.
@Suite("One list of panes")
struct PaneRegistryTests {
    @Test("every pane is registered once, in number-key order")
    func registryIsThePaneList() {
        #expect(PaneRegistry.panes.map(\.pane) == Pane.allCases)
        for (index, pane) in PaneRegistry.panes.enumerated() {
            #expect(pane.pane.rawValue == index + 1, "\(pane.title) is registered in place \(index + 1)")
        }
    }

    @Test("the tab row shows every registered pane, in registry order, under its number")
    func tabRow() {
        let (dashboard, _) = DemoDashboard.make()
        let tabs = dashboard.render(width: 200, height: 60).line(1)
        #expect(Self.inOrder(PaneRegistry.panes.enumerated().map { "\($0.offset + 1) \($0.element.title)" }, in: tabs))
    }

    @Test("a click anywhere on a tab's label, badge included, focuses that pane")
    func clickOnTab() {
        let (dashboard, _) = DemoDashboard.make()
        let tabs = dashboard.render(width: 200, height: 60).line(1)
        for (index, pane) in PaneRegistry.panes.enumerated() {
            let label = " \(index + 1) \(pane.title)"
            guard let start = tabs.range(of: label)?.lowerBound else {
                Issue.record("no tab '\(label)'")
                continue
            }
            let end = tabs[start...].dropFirst().firstIndex(of: " ").flatMap { space in
                tabs[space...].range(of: " \(index + 2) ")?.lowerBound
            } ?? tabs.index(start, offsetBy: label.count)
            let first = DisplayWidth.of(String(tabs[..<start]))
            let last = DisplayWidth.of(String(tabs[..<end])) - 1
            for x in [first, last] {
                dashboard.switchPane(to: .overview)
                dashboard.handleMouse(x: x, y: 1, button: 1, height: 60)
                #expect(dashboard.ui.pane == pane.pane, "a click at column \(x) of '\(label)'")
            }
        }
    }

    @Test("the help overlay lists a number key for every registered pane, in registry order, and the key switches to it")
    func numberKeysInHelp() {
        let (dashboard, _) = DemoDashboard.make()
        dashboard.handle(.character("?"))
        let help = dashboard.render(width: 160, height: 60).text
        #expect(Self.inOrder(PaneRegistry.panes.enumerated().map { DisplayWidth.fit("\($0.offset + 1)", to: 14) + $0.element.title }, in: help))
        dashboard.handle(.escape)
        for (index, pane) in PaneRegistry.panes.enumerated() {
            dashboard.handle(.character(Character("\(index + 1)")))
            #expect(dashboard.ui.pane == pane.pane)
        }
    }

    @Test("each pane's key bindings are in the key table and in the help overlay of their scope")
    func paneKeysInHelp() {
        for pane in PaneRegistry.panes {
            for binding in pane.bindings {
                #expect(KeyMap.standard.bindings.contains(binding), "\(pane.title): '\(binding.help)' is not in the key table")
                var buffer = CellBuffer(width: 160, height: 80)
                HelpOverlay.draw(keyMap: .standard, scope: binding.scope, scroll: 0, in: Rect(x: 0, y: 0, width: 160, height: 80), into: &buffer)
                #expect(buffer.text.contains(binding.help), "\(pane.title): help of \(binding.scope) lacks '\(binding.help)'")
            }
        }
    }

    @Test("every scope but the global one belongs to exactly one registered pane")
    func scopesBelongToOnePane() {
        var owners: [KeyScope: [String]] = [:]
        for pane in PaneRegistry.panes {
            for scope in Set([pane.scope] + pane.bindings.map(\.scope)) { owners[scope, default: []].append(pane.title) }
        }
        for scope in KeyScope.allCases where scope != .global {
            #expect(owners[scope]?.count == 1, "scope \(scope.rawValue) belongs to \(owners[scope] ?? [])")
        }
        #expect(owners[.global] == nil, "a pane binds global keys")
    }

    /// Whether every text of `texts` occurs in `screen`, each after the one before it.
    static func inOrder(_ texts: [String], in screen: String) -> Bool {
        var rest = Substring(screen)
        for text in texts {
            guard let found = rest.range(of: text) else {
                Issue.record("'\(text)' is missing, or out of order")
                return false
            }
            rest = rest[found.upperBound...]
        }
        return true
    }
}
