import BoardCore

/// Stakeholders with rights and workload, and the RACI matrix of one project.
struct TeamPane: DashboardPane {
    let pane = Pane.team
    let title = "Team"
    let scope = KeyScope.team

    let bindings: [KeyMap.Binding] = [
        .init([.character("["), .character("H")], .previousProject, .team, "previous project in the matrix"),
        .init([.character("]"), .character("L")], .nextProject, .team, "next project in the matrix", hint: true),
        .init([.character("m")], .toggleFocus, .team, "edit the RACI matrix", hint: true),
        .init([.character("n")], .newItem, .team, "add a stakeholder", hint: true),
        // In the RACI matrix (`m` enters it).
        .init([.character("m"), .escape], .toggleFocus, .teamMatrix, "leave the matrix", hint: true),
        .init([.character("r"), .character("R")], .assignR, .teamMatrix, "make Responsible", hint: true),
        .init([.character("a"), .character("A")], .assignA, .teamMatrix, "make Accountable (one per step)", hint: true),
        .init([.character("c"), .character("C")], .assignC, .teamMatrix, "make Consulted", hint: true),
        .init([.character("i"), .character("I")], .assignI, .teamMatrix, "make Informed", hint: true),
        .init([.character("x"), .delete], .unassign, .teamMatrix, "clear the cell (asks first)", hint: true),
        .init([.character("["), .character("H")], .previousProject, .teamMatrix, "previous project"),
        .init([.character("]"), .character("L")], .nextProject, .teamMatrix, "next project"),
    ]

    func scope(in ui: UIState) -> KeyScope { ui.matrixFocused ? .teamMatrix : .team }

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
