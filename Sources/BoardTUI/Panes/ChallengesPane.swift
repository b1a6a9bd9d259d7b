import BoardCore

/// The challenge tracker, and a bar chart of open challenges by category.
enum ChallengesPane {
    static func draw(_ context: PaneContext, in rect: Rect, into buffer: inout CellBuffer) {
        let chartHeight = min(12, max(5, rect.height / 3))
        let (tableArea, chartArea) = rect.splitTop(rect.height - chartHeight)
        let challenges = context.rows.challenges
        let open = challenges.filter(\.status.isOpen).count
        let inner = Box.draw("Challenges (\(open) open of \(challenges.count))", in: tableArea, into: &buffer)
        let columns: [Column] = [
            .fixed("Id", 6), .fixed("Severity", 8), .fixed("Status", 11), .fixed("Project", 16),
            .fixed("Category", 24), .fixed("Owner", 10), .flexible("Title", minimum: 12),
        ]
        Table.draw(columns: columns, count: challenges.count, selected: context.ui.selected(.challenges), in: inner, into: &buffer,
                   emptyText: "no challenges match; Esc clears the filter, n opens one") { index in
            let challenge = challenges[index]
            return [
                TableCell(challenge.id), TableCell(challenge.severity.rawValue, PaneContext.severityStyle(challenge.severity)),
                TableCell(challenge.status.rawValue, challenge.status.isOpen ? .normal : .muted),
                TableCell(challenge.project ?? "(org-wide)", .muted), TableCell(challenge.category),
                TableCell(challenge.owner ?? "-", .muted), TableCell(challenge.title),
            ]
        }
        let chart = Box.draw("Open challenges by category", in: chartArea, focused: false, into: &buffer)
        let items = context.state.openChallengesByCategory.map { (label: $0.category, value: $0.count) }
            .sorted { $0.value > $1.value }
        Bars.chart(items, in: chart, into: &buffer, labelWidth: min(46, chart.width / 2))
    }
}
