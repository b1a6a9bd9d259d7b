import BoardCore

extension Dashboard {
    /// Moves the cursor to the next (or previous) row that matches the filter, wrapping around.
    /// Once the filter is cleared (Esc keeps the cursor on its item), the last filter text of
    /// the pane is searched for in the whole list.
    func jumpToMatch(forward: Bool) {
        let pane = ui.pane
        let text = ui.filter.isEmpty ? ui.lastFilters[pane] ?? "" : ui.filter
        guard !text.isEmpty else {
            return complain("nothing to search for: / filters the list, Esc clears it, then Ctrl-n and Ctrl-p go from match to match")
        }
        let fields = focused.list(context)?.searchFields ?? []
        let matching = fields.indices.filter { SearchFields.match(text, fields[$0]) }
        guard !matching.isEmpty else { return complain("no row matches '\(text)'") }
        let current = focused.cursor(ui)
        let next = forward ? matching.first { $0 > current } ?? matching[0] : matching.last { $0 < current } ?? matching[matching.count - 1]
        focused.setCursor(next, in: &ui)
        let position = (matching.firstIndex(of: next) ?? 0) + 1
        say("'\(text)': match \(position) of \(matching.count)")
    }
}
