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
        let fields = rowFields(pane)
        let matching = fields.indices.filter { SearchFields.match(text, fields[$0]) }
        guard !matching.isEmpty else { return complain("no row matches '\(text)'") }
        let current = pane == .models ? ui.modelsRow[ui.modelsColumn] ?? 0 : ui.selected(pane)
        let next = forward ? matching.first { $0 > current } ?? matching[0] : matching.last { $0 < current } ?? matching[matching.count - 1]
        if pane == .models { ui.modelsRow[ui.modelsColumn] = next } else { ui.selection[pane] = next }
        let position = (matching.firstIndex(of: next) ?? 0) + 1
        say("'\(text)': match \(position) of \(matching.count)")
    }

    /// The searchable texts of each row of `pane`'s list, in list order.
    private func rowFields(_ pane: Pane) -> [[String]] {
        let rows = self.rows
        switch pane {
        case .overview: return []
        case .projects: return rows.projects.map(SearchFields.of)
        case .team: return rows.stakeholders.map(SearchFields.of)
        case .models:
            return (rows.versionsByStage[safe: ui.modelsColumn]?.versions ?? []).map { version in
                SearchFields.of(version, project: state.models[version.ref.model]?.project ?? "")
            }
        case .challenges: return rows.challenges.map(SearchFields.of)
        case .approvals: return rows.requests.map(SearchFields.of)
        case .activity: return rows.activity.map(SearchFields.of)
        }
    }
}
