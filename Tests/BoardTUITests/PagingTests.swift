import BoardCore
import Testing
@testable import BoardTUI

/// A page is what the list shows: PgDn moves the cursor by the rows visible, whatever the height.
@Suite("Paging by the visible height")
struct PagingTests {
    @Test("PgDn and Ctrl-F move by the rows the Activity list shows, at 80x24 and 200x60; PgUp and Ctrl-B come back", arguments: [
        (80, 24), (200, 60),
    ])
    func activityPages(width: Int, height: Int) {
        let (dashboard, _) = DemoDashboard.make()
        dashboard.handle(.character("7"))
        let shown = Self.visibleTableRows(dashboard.render(width: width, height: height))
        #expect(shown == height - 7, "the table fills the body")
        dashboard.handle(.pageDown)
        #expect(dashboard.ui.selected(.activity) == shown)
        dashboard.handle(.control("f"))
        #expect(dashboard.ui.selected(.activity) == 2 * shown)
        dashboard.handle(.control("b"))
        #expect(dashboard.ui.selected(.activity) == shown)
        dashboard.handle(.pageUp)
        #expect(dashboard.ui.selected(.activity) == 0)
    }

    @Test("in Challenges a page is the table above the chart")
    func challengesPage() {
        let (dashboard, _) = DemoDashboard.make()
        dashboard.handle(.character("5"))
        let shown = Self.visibleTableRows(dashboard.render(width: 80, height: 24))
        dashboard.handle(.pageDown)
        #expect(dashboard.ui.selected(.challenges) == shown)
        #expect(shown != 10, "the old fixed page would pass by chance")
    }

    @Test("on the model board a page is the cards a column shows")
    func modelsPage() {
        let (dashboard, _) = DemoDashboard.make()
        dashboard.handle(.character("4"))
        _ = dashboard.render(width: 120, height: 24)
        dashboard.handle(.pageDown)
        #expect(dashboard.ui.modelsRow[0] == (24 - 6) / 3)
    }

    /// Rows the first table on screen shows, read from its position indicator "first-last/count".
    static func visibleTableRows(_ buffer: CellBuffer) -> Int {
        for y in 0..<buffer.height {
            if let match = buffer.line(y).firstMatch(of: /(\d+)-(\d+)\/(\d+)/), let first = Int(match.1), let last = Int(match.2) {
                return last - first + 1
            }
        }
        return -1
    }
}
