import Testing
@testable import BoardTUI

/// The registry is the one list of panes: a pane added to `Pane` but not registered, or
/// registered out of its number's place, fails here.
@Suite("One list of panes")
struct PaneRegistryTests {
    @Test("every pane is registered once, in number-key order")
    func registryIsThePaneList() {
        #expect(PaneRegistry.panes.map(\.pane) == Pane.allCases)
    }

    @Test("the tab row shows every registered pane, in registry order, under its number")
    func tabRow() {
        let (dashboard, _) = DemoDashboard.make()
        let tabs = dashboard.render(width: 200, height: 60).line(1)
        var rest = Substring(tabs)
        for (index, pane) in PaneRegistry.panes.enumerated() {
            let label = "\(index + 1) \(pane.title)"
            guard let found = rest.range(of: label) else {
                Issue.record("tab row '\(tabs)' lacks '\(label)' after the tabs before it")
                return
            }
            rest = rest[found.upperBound...]
        }
    }
}
