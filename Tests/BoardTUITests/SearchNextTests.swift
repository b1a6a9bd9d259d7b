import BoardCore
import Testing
@testable import BoardTUI

/// Ctrl-n and Ctrl-p go from match to match of the filter, in the whole list once it is cleared.
@Suite("Search next and previous")
struct SearchNextTests {
    @Test("after the filter is cleared, Ctrl-n visits every match in list order and wraps; Ctrl-p goes back")
    func visitsEveryMatch() throws {
        let (dashboard, _) = DemoDashboard.make()
        dashboard.handle(.character("5"))
        let all = dashboard.rows.challenges
        let matches = all.indices.filter { SearchFields.match("data", SearchFields.of(all[$0])) }
        #expect(matches.count >= 3, "the demo has several challenges about data")
        dashboard.handle(.character("/"))
        DemoDashboard.type(dashboard, "data")
        DemoDashboard.press(dashboard, .enter, .escape)
        #expect(dashboard.ui.filter.isEmpty)
        #expect(dashboard.ui.selected(.challenges) == matches[0], "the cursor stayed on the first match")
        var visited: [Int] = []
        for _ in matches.indices {
            dashboard.handle(.control("n"))
            visited.append(dashboard.ui.selected(.challenges))
        }
        #expect(visited == Array(matches.dropFirst()) + [matches[0]])
        #expect(dashboard.ui.status.text.contains("match 1 of \(matches.count)"))
        dashboard.handle(.control("p"))
        #expect(dashboard.ui.selected(.challenges) == matches[matches.count - 1])
    }

    @Test("with no filter ever typed, Ctrl-n says how searching works and moves nothing")
    func nothingToSearch() {
        let (dashboard, _) = DemoDashboard.make()
        DemoDashboard.press(dashboard, .character("2"), .control("n"))
        #expect(dashboard.ui.selected(.projects) == 0)
        #expect(dashboard.ui.status.isError && dashboard.ui.status.text.contains("/ filters"))
    }

    @Test("Ctrl-n and Ctrl-p are listed in ? and free in every scope")
    func listedInHelp() {
        let (dashboard, _) = DemoDashboard.make()
        DemoDashboard.press(dashboard, .character("2"), .character("?"))
        let screen = dashboard.render(width: 160, height: 60).text
        #expect(screen.contains("Ctrl-N"))
        #expect(screen.contains("next row that matches the filter"))
        for scope in KeyScope.allCases where scope != .global {
            #expect(!dashboard.keyMap.bindings(in: scope).contains { $0.keys.contains(.control("n")) || $0.keys.contains(.control("p")) })
        }
    }
}
