import BoardCore

/// The item a list's cursor is on, by id, and the state and filter it was seen with. When the
/// list reorders under a change (from elsewhere or one's own), or its filter is cleared, the
/// cursor follows the item instead of staying on its row number; when the item is gone, the
/// row number stays.
struct CursorAnchor {
    var itemID: String
    /// Which of the pane's lists the item was in (`DashboardPane.listIndex`).
    var list: Int
    var sequence: Int64
    var filter: String

    func isStale(sequence: Int64, filter: String) -> Bool {
        sequence != self.sequence || (filter.isEmpty && !self.filter.isEmpty)
    }
}

extension Dashboard {
    /// Moves the focused list's cursor back onto its item if the state changed or the filter
    /// was cleared since it was anchored, then anchors it where it is. Called after each key and before each frame.
    func keepCursorOnItem() {
        let pane = focused
        guard let list = pane.list(context) else { return }
        if let anchor = cursorAnchors[ui.pane], anchor.isStale(sequence: state.lastSequence, filter: ui.filter),
           anchor.list == pane.listIndex(ui),
           let index = list.index(of: anchor.itemID) {
            pane.setCursor(index, in: &ui)
        }
        if let id = list.itemID(at: pane.cursor(ui)) {
            cursorAnchors[ui.pane] = CursorAnchor(itemID: id, list: pane.listIndex(ui), sequence: state.lastSequence, filter: ui.filter)
        } else {
            cursorAnchors[ui.pane] = nil
        }
    }
}
