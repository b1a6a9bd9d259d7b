/// A column of a table. It gets at least `minimum` columns, grows to `natural` when there is
/// room, and beyond that to what its widest visible cell needs when width is still spare.
/// Columns of higher `priority` grow first; when even the minimums do not fit, the lowest
/// priority columns are left out. A `fills` column takes whatever is left at the end.
struct Column {
    var title: String
    var minimum: Int
    var natural: Int
    var priority: Int
    var alignRight = false
    var fills = false

    init(_ title: String, minimum: Int, natural: Int, priority: Int, right: Bool = false, fills: Bool = false) {
        self.title = title
        self.minimum = max(1, minimum)
        self.natural = max(self.minimum, natural)
        self.priority = priority
        self.alignRight = right
        self.fills = fills
    }

    /// A column whose values all have one width, such as an id or a count.
    static func fixed(_ title: String, _ width: Int, priority: Int, right: Bool = false) -> Column {
        Column(title, minimum: width, natural: width, priority: priority, right: right)
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

/// A scrolling table that lays out only the rows it shows: `row(i)` is asked for visible rows
/// only. It sits inside a frame: the position ("1-20/25") goes into the frame's bottom edge,
/// below the rows, so it never covers a column title.
enum Table {
    static func draw(
        columns: [Column], count: Int, selected: Int?, in rect: Rect, into buffer: inout CellBuffer,
        emptyText: String = "nothing here", row: (Int) -> [TableCell]
    ) {
        guard rect.height >= 2, rect.width > 0 else { return }
        let visible = rect.height - 1
        let chosen = count > 0 ? selected.map { max(0, min(count - 1, $0)) } : nil
        let first = max(0, min(count - visible, (chosen ?? 0) - visible / 2))
        let shownRows = (first ..< min(count, first + visible)).map { ($0, row($0)) }
        let contentWidths = columns.indices.map { column in
            shownRows.reduce(DisplayWidth.of(columns[column].title)) { widest, shown in
                column < shown.1.count ? max(widest, DisplayWidth.of(shown.1[column].text)) : widest
            }
        }
        let widths = layout(columns, width: rect.width, contentWidths: contentWidths)
        drawLine(columns.map { TableCell($0.title, .header) }, columns: columns, widths: widths, x: rect.x, y: rect.y, into: &buffer)
        guard count > 0 else {
            buffer.write(emptyText, x: rect.x, y: rect.y + 1, style: .muted, maxWidth: rect.width)
            return
        }
        for (index, cells) in shownRows {
            let y = rect.y + 1 + index - first
            drawLine(cells, columns: columns, widths: widths, x: rect.x, y: y, into: &buffer)
            if index == chosen { buffer.restyle(row: y, from: rect.x, width: rect.width, style: .selection) }
        }
        if count > visible {
            let position = " \(first + 1)-\(first + shownRows.count)/\(count) "
            let positionWidth = DisplayWidth.of(position)
            if positionWidth <= rect.width - 2 {
                buffer.write(position, x: rect.maxX - positionWidth - 1, y: rect.maxY, style: .muted)
            }
        }
    }

    private static func drawLine(
        _ cells: [TableCell], columns: [Column], widths: [Int?], x start: Int, y: Int, into buffer: inout CellBuffer
    ) {
        var x = start
        for (position, cell) in cells.enumerated() where position < widths.count {
            guard let width = widths[position] else { continue }
            buffer.write(DisplayWidth.fit(cell.text, to: width, alignRight: columns[position].alignRight), x: x, y: y,
                         style: cell.style, maxWidth: width)
            x += width + 1
        }
    }

    /// The width of each column, nil for a column left out; the widths and the gaps between
    /// them never add up to more than `width`. `contentWidths` are the widest visible cells.
    static func layout(_ columns: [Column], width: Int, contentWidths: [Int] = []) -> [Int?] {
        let shown = columnsThatFit(columns, width: width)
        let wants = columns.indices.map { max(columns[$0].minimum, $0 < contentWidths.count ? contentWidths[$0] : columns[$0].natural) }
        let byPriority = shown.sorted { columns[$0].priority > columns[$1].priority || (columns[$0].priority == columns[$1].priority && $0 < $1) }
        var widths = columns.map { min($0.minimum, width) }
        var spare = width - max(0, shown.count - 1) - shown.reduce(0) { $0 + widths[$1] }
        for index in byPriority where spare > 0 {
            let grow = min(spare, max(0, min(columns[index].natural, wants[index]) - widths[index]))
            widths[index] += grow
            spare -= grow
        }
        // What is left goes to the columns still cut, a column's width at a time, most important first.
        var cut = byPriority.filter { widths[$0] < wants[$0] }
        while spare > 0 && !cut.isEmpty {
            for index in cut where spare > 0 {
                widths[index] += 1
                spare -= 1
            }
            cut.removeAll { widths[$0] >= wants[$0] }
        }
        let fillers = byPriority.filter { columns[$0].fills }
        for (offset, index) in fillers.enumerated() where spare > 0 {
            let share = spare / (fillers.count - offset)
            widths[index] += share
            spare -= share
        }
        return columns.indices.map { shown.contains($0) ? widths[$0] : nil }
    }

    /// The columns whose minimums fit in `width`, leaving out the least important first (the
    /// rightmost among equals); at least one column stays.
    private static func columnsThatFit(_ columns: [Column], width: Int) -> [Int] {
        var shown = Array(columns.indices)
        func needed() -> Int { shown.reduce(max(0, shown.count - 1)) { $0 + columns[$1].minimum } }
        while shown.count > 1 && needed() > width {
            let leastImportant = shown.min { columns[$0].priority < columns[$1].priority || (columns[$0].priority == columns[$1].priority && $0 > $1) }
            shown.removeAll { $0 == leastImportant }
        }
        return shown
    }
}
