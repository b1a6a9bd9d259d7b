import BoardCore

/// The live feed, newest first.
enum ActivityPane {
    static func draw(_ context: PaneContext, in rect: Rect, into buffer: inout CellBuffer) {
        let entries = context.rows.activity
        let inner = Box.draw("Activity (live)", in: rect, into: &buffer)
        let columns: [Column] = [.fixed("#", 6, right: true), .fixed("When", 20), .fixed("Who", 12), .flexible("What")]
        Table.draw(columns: columns, count: entries.count, selected: context.ui.selected(.activity), in: inner, into: &buffer) { index in
            let entry = entries[index]
            return [
                TableCell("\(entry.sequence)", .muted), TableCell(entry.at.iso8601, .muted), TableCell(entry.actor, .key),
                TableCell(entry.summary),
            ]
        }
    }
}
