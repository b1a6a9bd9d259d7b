/// Where each pane puts its list, shared by the panes that draw it and by paging and clicks,
/// so a page is exactly what the list shows.
enum ListLayout {
    /// The area under the header and above the footer, where panes draw.
    static func body(width: Int, height: Int) -> Rect {
        Rect(x: 0, y: 2, width: width, height: height - 4)
    }

    /// Rows a framed table shows in `area`: the frame takes two, the column headers one.
    static func tableRows(in area: Rect) -> Int { max(1, area.height - 3) }

    /// Challenges: the table above, the chart of open ones by category below.
    static func challenges(_ body: Rect) -> (table: Rect, chart: Rect) {
        let chartHeight = min(12, max(5, body.height / 3))
        return body.splitTop(body.height - chartHeight)
    }

    /// Team: the stakeholders above, the RACI matrix below.
    static func team(_ body: Rect) -> (list: Rect, matrix: Rect) {
        body.splitTop(max(6, body.height * 2 / 5))
    }

    /// Steps the RACI matrix in `area` shows: the frame takes two, the handles one, and the
    /// line naming the person in the cursor's column one.
    static func matrixRows(in area: Rect) -> Int { max(1, area.height - 4) }

    /// Models: cards of this many rows in each stage column.
    static let cardHeight = 3

}
