extension Dashboard {
    /// A click on a tab focuses that pane, a click on a list row selects it, the wheel scrolls.
    public func handleMouse(x: Int, y: Int, button: Int, height: Int) {
        defer { keepCursorOnItem() }
        // A question or a form owns the mouse as it owns the keys.
        guard ui.overlays.isEmpty || ui.readingOverlay else { return }
        switch button {
        case 4: _ = carryOut(perform(.up))
        case 5: _ = carryOut(perform(.down))
        case 1 where y == 1 && ui.detail == nil: clickTab(at: x)
        case 1: clickRow(y: y, height: height)
        default: break
        }
    }

    private func clickTab(at x: Int) {
        var left = 0
        let rows = self.rows
        for (index, pane) in PaneRegistry.panes.enumerated() {
            let width = DisplayWidth.of(tabLabel(pane, number: index + 1, rows))
            if x < left + width { return switchPane(to: pane.pane) }
            left += width
        }
    }

    /// Rows start below the tab row, the pane's frame and its column headers.
    private func clickRow(y: Int, height: Int) {
        guard ui.overlays.isEmpty, let table = focused.clickableTable(in: ListLayout.body(width: lastFrame.width, height: height)) else { return }
        let visible = ListLayout.tableRows(in: table)
        let count = focused.list(context)?.count ?? 0
        let first = max(0, min(count - visible, focused.cursor(ui) - visible / 2))
        let index = first + (y - 4)
        if y >= 4, index >= 0, index < count { focused.setCursor(index, in: &ui) }
    }
}
