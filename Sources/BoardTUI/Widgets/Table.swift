/// A column of a table: a fixed width, or a share of what is left (`flex`).
struct Column {
    var title: String
    var width: Int
    var flex: Bool = false
    var alignRight: Bool = false

    static func fixed(_ title: String, _ width: Int, right: Bool = false) -> Column {
        Column(title: title, width: width, alignRight: right)
    }

    static func flexible(_ title: String, minimum: Int = 8) -> Column {
        Column(title: title, width: minimum, flex: true)
    }
}

/// A cell of a table row.
struct TableCell {
    var text: String
    var style: StyleRole = .normal

    init(_ text: String, _ style: StyleRole = .normal) {
        self.text = text
        self.style = style
    }
}

/// A scrolling table that lays out only the rows it shows: `row(i)` is asked for visible rows only.
enum Table {
    static func draw(
        columns: [Column], count: Int, selected: Int?, in rect: Rect, into buffer: inout CellBuffer,
        emptyText: String = "nothing here", row: (Int) -> [TableCell]
    ) {
        guard rect.height >= 2, rect.width > 0 else { return }
        let widths = layout(columns, width: rect.width)
        var x = rect.x
        for (column, width) in zip(columns, widths) {
            buffer.write(DisplayWidth.fit(column.title, to: width, alignRight: column.alignRight), x: x, y: rect.y, style: .header)
            x += width + 1
        }
        let visible = rect.height - 1
        guard count > 0 else {
            buffer.write(emptyText, x: rect.x, y: rect.y + 1, style: .muted, maxWidth: rect.width)
            return
        }
        let chosen = selected.map { max(0, min(count - 1, $0)) }
        let first = max(0, min(count - visible, (chosen ?? 0) - visible / 2))
        for index in first ..< min(count, first + visible) {
            let y = rect.y + 1 + index - first
            var x = rect.x
            for (position, cell) in row(index).enumerated() where position < widths.count {
                let text = DisplayWidth.fit(Sanitize.forTerminal(cell.text), to: widths[position], alignRight: columns[position].alignRight)
                buffer.write(text, x: x, y: y, style: cell.style)
                x += widths[position] + 1
            }
            if index == chosen { buffer.restyle(row: y, from: rect.x, width: rect.width, style: .selection) }
        }
        if count > visible {
            buffer.write("\(first + 1)-\(min(count, first + visible))/\(count)", x: rect.maxX - 14, y: rect.y, style: .muted, maxWidth: 14)
        }
    }

    /// Fixed columns keep their width; flexible ones share the rest.
    static func layout(_ columns: [Column], width: Int) -> [Int] {
        let gaps = max(0, columns.count - 1)
        let fixed = columns.filter { !$0.flex }.reduce(0) { $0 + $1.width }
        let flexCount = columns.filter(\.flex).count
        let spare = max(0, width - gaps - fixed)
        let share = flexCount == 0 ? 0 : spare / flexCount
        return columns.map { $0.flex ? max($0.width, share) : $0.width }
    }
}
