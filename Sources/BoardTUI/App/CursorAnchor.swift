import BoardCore

/// The item a list's cursor is on, by id, and the state and filter it was seen with. When the
/// list reorders under a change (from elsewhere or one's own), or its filter is cleared, the
/// cursor follows the item instead of staying on its row number; when the item is gone, the
/// row number stays.
struct CursorAnchor {
    var itemID: String
    var modelsColumn: Int
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
        let pane = ui.pane
        guard pane != .overview else { return }
        if let anchor = cursorAnchors[pane], anchor.isStale(sequence: state.lastSequence, filter: ui.filter),
           pane != .models || anchor.modelsColumn == ui.modelsColumn,
           let index = index(of: anchor.itemID, in: pane) {
            setCursor(index, in: pane)
        }
        if let id = itemID(in: pane, at: cursor(in: pane)) {
            cursorAnchors[pane] = CursorAnchor(itemID: id, modelsColumn: ui.modelsColumn, sequence: state.lastSequence, filter: ui.filter)
        } else {
            cursorAnchors[pane] = nil
        }
    }

    private func cursor(in pane: Pane) -> Int {
        pane == .models ? ui.modelsRow[ui.modelsColumn] ?? 0 : ui.selected(pane)
    }

    private func setCursor(_ index: Int, in pane: Pane) {
        if pane == .models { ui.modelsRow[ui.modelsColumn] = index } else { ui.selection[pane] = index }
    }

    private func itemIDs(in pane: Pane) -> [String] {
        let rows = self.rows
        switch pane {
        case .overview: return []
        case .projects: return rows.projects.map(\.slug)
        case .team: return rows.stakeholders.map(\.handle)
        case .models: return rows.versionsByStage[safe: ui.modelsColumn]?.versions.map(\.ref.description) ?? []
        case .challenges: return rows.challenges.map(\.id)
        case .approvals: return rows.requests.map(\.id)
        case .activity: return rows.activity.map { "\($0.sequence)" }
        }
    }

    private func itemID(in pane: Pane, at index: Int) -> String? {
        let rows = self.rows
        switch pane {
        case .overview: return nil
        case .projects: return rows.projects[safe: index]?.slug
        case .team: return rows.stakeholders[safe: index]?.handle
        case .models: return rows.versionsByStage[safe: ui.modelsColumn]?.versions[safe: index]?.ref.description
        case .challenges: return rows.challenges[safe: index]?.id
        case .approvals: return rows.requests[safe: index]?.id
        case .activity: return rows.activity[safe: index].map { "\($0.sequence)" }
        }
    }

    private func index(of id: String, in pane: Pane) -> Int? {
        itemIDs(in: pane).firstIndex(of: id)
    }
}
