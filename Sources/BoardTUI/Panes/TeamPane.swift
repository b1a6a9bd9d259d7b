import BoardCore

/// Stakeholders with rights and workload, and the RACI matrix of one project.
struct TeamPane: DashboardPane {
    let pane = Pane.team
    let title = "Team"
    let scope = KeyScope.team

    /// The stakeholders; the matrix has a cursor of its own (`ui.matrixCursor`).
    func list(_ context: PaneContext) -> PaneList? { PaneList(context.rows.stakeholders, id: \.handle, fields: SearchFields.of) }

    func listArea(in body: Rect, ui: UIState) -> Rect? { ui.matrixFocused ? ListLayout.team(body).matrix : ListLayout.team(body).list }

    func visibleRows(in body: Rect, ui: UIState) -> Int {
        ui.matrixFocused ? ListLayout.matrixRows(in: ListLayout.team(body).matrix) : ListLayout.tableRows(in: ListLayout.team(body).list)
    }

    func clickableTable(in body: Rect) -> Rect? { ListLayout.team(body).list }

    func draw(_ context: PaneContext, in rect: Rect, into buffer: inout CellBuffer) {
        let (top, bottom) = ListLayout.team(rect)
        let people = context.rows.stakeholders
        let list = Box.draw("Stakeholders (\(people.count))", in: top, focused: !context.ui.matrixFocused, into: &buffer)
        let columns: [Column] = [
            Column("Name", minimum: 14, natural: 24, priority: 100), Column("Handle", minimum: 10, natural: 14, priority: 80),
            Column("Role", minimum: 12, natural: 24, priority: 70), Column("Approves", minimum: 8, natural: 20, priority: 50),
            .fixed("Load", 4, priority: 60, right: true),
        ]
        let assignmentCounts = context.rows.assignmentCounts
        Table.draw(columns: columns, count: people.count, selected: context.ui.matrixFocused ? nil : context.ui.selected(.team),
                   in: list, into: &buffer) { index in
            let person = people[index]
            let flags = (person.isLead ? " ★" : "") + (person.active ? "" : " (inactive)")
            return [
                TableCell(person.name + flags, person.active ? .normal : .muted), TableCell(person.handle, .muted),
                TableCell(person.role), TableCell(person.approvalStages.joined(separator: ",")),
                TableCell("\(assignmentCounts[person.handle] ?? 0)"),
            ]
        }
        MatrixPane.draw(context, in: bottom, into: &buffer)
    }
}
