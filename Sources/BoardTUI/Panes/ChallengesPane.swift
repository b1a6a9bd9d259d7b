import BoardCore

/// The challenge tracker, and a bar chart of open challenges by category.
struct ChallengesPane: DashboardPane {
    let pane = Pane.challenges
    let title = "Challenges"
    let scope = KeyScope.challenges

    let bindings: [KeyMap.Binding] = [
        .init([.character("n")], .newItem, .challenges, "new challenge", hint: true),
        .init([.character("e")], .edit, .challenges, "edit the challenge", hint: true),
        .init([.character("m")], .moveStatus, .challenges, "move to another status", hint: true),
        .init([.character("c")], .comment, .challenges, "comment on the challenge", hint: true),
        // In a challenge's detail: the challenge it shows.
        .init([.character("e")], .edit, .challengeDetail, "edit this challenge", hint: true),
        .init([.character("m")], .moveStatus, .challengeDetail, "move the challenge to another status", hint: true),
        .init([.character("c")], .comment, .challengeDetail, "comment on this challenge", hint: true),
    ]

    func list(_ context: PaneContext) -> PaneList? { PaneList(context.rows.challenges, id: \.id, fields: SearchFields.of) }
    func listArea(in body: Rect, ui: UIState) -> Rect? { ListLayout.challenges(body).table }
    func clickableTable(in body: Rect) -> Rect? { ListLayout.challenges(body).table }

    func draw(_ context: PaneContext, in rect: Rect, into buffer: inout CellBuffer) {
        let (tableArea, chartArea) = ListLayout.challenges(rect)
        let challenges = context.rows.challenges
        let open = openCount(challenges)
        let inner = Box.draw("Challenges (\(open) open of \(challenges.count))", in: tableArea, into: &buffer)
        let columns: [Column] = [
            .fixed("Id", 6, priority: 100), .fixed("Severity", 8, priority: 80), .fixed("Status", 11, priority: 60),
            Column("Project", minimum: 8, natural: 16, priority: 50), Column("Category", minimum: 14, natural: 24, priority: 30),
            Column("Owner", minimum: 8, natural: 12, priority: 40), Column("Title", minimum: 12, natural: 30, priority: 90, fills: true),
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
        Bars.chart(context.rows.openChallengesByCategory, in: chart, into: &buffer, labelWidth: min(46, chart.width / 2))
    }

    /// The rows list open challenges first, so their count is where the closed ones start.
    private func openCount(_ rows: [Challenge]) -> Int {
        var low = 0, high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if rows[middle].status.isOpen { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
