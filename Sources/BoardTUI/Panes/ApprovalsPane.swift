import BoardCore

/// Requests waiting, the ones you may act on first.
struct ApprovalsPane: DashboardPane {
    let pane = Pane.approvals
    let title = "Approvals"
    let scope = KeyScope.approvals

    let bindings: [KeyMap.Binding] = [
        .init([.character("a")], .approve, .approvals, "approve (asks first)", hint: true),
        .init([.character("r")], .reject, .approvals, "reject with a comment (asks first)", hint: true),
        .init([.character("w")], .withdraw, .approvals, "withdraw your own request (asks first)"),
        .init([.character("c")], .comment, .approvals, "comment on the request", hint: true),
        // In the review of a request: the request it shows.
        .init([.character("a")], .approve, .review, "approve (asks first)", hint: true),
        .init([.character("r")], .reject, .review, "reject with a comment (asks first)", hint: true),
        .init([.character("w")], .withdraw, .review, "withdraw your own request (asks first)"),
        .init([.character("c")], .comment, .review, "comment on the request", hint: true),
    ]

    func list(_ context: PaneContext) -> PaneList? { PaneList(context.rows.requests, id: \.id, fields: SearchFields.of) }
    func clickableTable(in body: Rect) -> Rect? { body }

    func badge(_ rows: PaneRows) -> String {
        let waiting = rows.awaiting.requests.count
        return waiting > 0 ? " (\(waiting))" : ""
    }

    func draw(_ context: PaneContext, in rect: Rect, into buffer: inout CellBuffer) {
        let requests = context.rows.requests
        let mine = context.rows.awaiting.ids
        let blockers = context.rows.blockers
        let inner = Box.draw("Approvals: \(mine.count) waiting for you, \(requests.count) open", in: rect, into: &buffer)
        let columns: [Column] = [
            .fixed("", 1, priority: 100), .fixed("Id", 6, priority: 95), Column("Version", minimum: 14, natural: 26, priority: 90),
            Column("From → to", minimum: 12, natural: 24, priority: 85), Column("By", minimum: 8, natural: 12, priority: 40),
            Column("Approvals", minimum: 5, natural: 9, priority: 80), .fixed("Age", 4, priority: 70, right: true),
            Column("Reason", minimum: 10, natural: 30, priority: 60, fills: true),
        ]
        Table.draw(columns: columns, count: requests.count, selected: context.ui.selected(.approvals), in: inner, into: &buffer,
                   emptyText: "no open requests") { index in
            let request = requests[index]
            let needed = context.state.config.approvalsRequired(for: request.toStage)
            let failing = context.state.versions[request.version]
                .map { !Gates.failures(for: $0, entering: request.toStage, in: context.state, blockers: blockers).isEmpty } ?? false
            return [
                TableCell(mine.contains(request.id) ? "▶" : " ", .key), TableCell(request.id),
                TableCell(request.version.description + (failing ? " ✗gate" : ""), failing ? .fail : .normal),
                TableCell(request.moveText, context.stageStyle(request.toStage)),
                TableCell(request.requestedBy, .muted), TableCell("\(context.state.countedApprovers(of: request).count)/\(needed)"),
                TableCell(Dashboard.ago(from: request.requestedAt, to: context.now)), TableCell(request.reason),
            ]
        }
    }
}
