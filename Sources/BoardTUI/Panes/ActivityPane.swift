import BoardCore

/// The live feed, newest first.
struct ActivityPane: DashboardPane {
    let pane = Pane.activity
    let title = "Activity"
    let scope = KeyScope.activity

    func list(_ context: PaneContext) -> PaneList? {
        PaneList(context.rows.activity, id: { "\($0.sequence)" }, fields: SearchFields.of)
    }

    func clickableTable(in body: Rect) -> Rect? { body }

    func copyText(_ context: PaneContext) -> String? {
        context.rows.activity[safe: context.ui.selected(.activity)].map { "#\($0.sequence) \($0.actor): \($0.summary)" }
    }

    /// The whole history, not only what the state keeps.
    func shown() -> [Effect] { [.loadOlderActivity] }

    func draw(_ context: PaneContext, in rect: Rect, into buffer: inout CellBuffer) {
        let entries = context.rows.activity
        let reading = context.rows.activityHistory?.isReading == true
        let inner = Box.draw(reading ? "Activity (live) · reading older history…" : "Activity (live)", in: rect, into: &buffer)
        let columns: [Column] = [
            .fixed("#", 6, priority: 20, right: true), Column("When", minimum: 16, natural: 20, priority: 85),
            Column("Who", minimum: 8, natural: 12, priority: 60), .fixed("Signed", 8, priority: 40),
            Column("What", minimum: 20, natural: 30, priority: 90, fills: true),
        ]
        Table.draw(columns: columns, count: entries.count, selected: context.ui.selected(.activity), in: inner, into: &buffer) { index in
            let entry = entries[index]
            return [
                TableCell("\(entry.sequence)", .muted), TableCell(entry.at.iso8601, .muted), TableCell(entry.actor, .key),
                SignatureBadge.cell(entry.signature), TableCell(entry.summary),
            ]
        }
    }
}
