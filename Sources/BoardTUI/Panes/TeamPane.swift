import BoardCore

/// Stakeholders with rights and workload, and the RACI matrix of one project.
enum TeamPane {
    static func draw(_ context: PaneContext, in rect: Rect, into buffer: inout CellBuffer) {
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
        drawMatrix(context, in: bottom, into: &buffer)
    }

    static func drawMatrix(_ context: PaneContext, in rect: Rect, into buffer: inout CellBuffer) {
        let dashboard = context.dashboard
        guard let slug = dashboard.matrixProjectSlug, let project = context.state.projects[slug] else {
            Box.draw("RACI matrix", in: rect, into: &buffer)
            return
        }
        let focused = context.ui.matrixFocused
        let inner = Box.draw("RACI matrix: \(project.name) ([ ] other project, m edit)", in: rect, focused: focused, into: &buffer)
        let people = dashboard.matrixPeople
        let steps = context.state.config.lifecycleSteps
        let labelWidth = min(30, max(12, inner.width / 3))
        let cellWidth = 5
        let columnsVisible = max(1, (inner.width - labelWidth) / cellWidth)
        let firstColumn = max(0, min(people.count - columnsVisible, context.ui.matrixCursor.column - columnsVisible / 2))
        let shown = Array(people.enumerated().dropFirst(firstColumn).prefix(columnsVisible))
        var x = inner.x + labelWidth
        for (_, person) in shown {
            buffer.write(DisplayWidth.fit(String(person.handle.prefix(cellWidth - 1)), to: cellWidth), x: x, y: inner.y, style: .header)
            x += cellWidth
        }
        let rowsVisible = inner.height - 1
        let firstRow = max(0, min(steps.count - rowsVisible, context.ui.matrixCursor.row - rowsVisible / 2))
        for (rowIndex, step) in steps.enumerated().dropFirst(firstRow).prefix(rowsVisible) {
            let y = inner.y + 1 + rowIndex - firstRow
            let current = step == project.step
            buffer.write(DisplayWidth.fit((current ? "▶ " : "  ") + step, to: labelWidth), x: inner.x, y: y, style: current ? .key : .normal)
            var cellX = inner.x + labelWidth
            for (columnIndex, person) in shown {
                let key = AssignmentKey(project: slug, step: step, stakeholder: person.handle)
                let letter = context.state.assignments[key]?.raci.rawValue ?? "·"
                let selected = focused && rowIndex == context.ui.matrixCursor.row && columnIndex == context.ui.matrixCursor.column
                buffer.write(DisplayWidth.fit(" \(letter)", to: cellWidth - 1), x: cellX, y: y,
                             style: selected ? .selection : (letter == "A" ? .key : .normal))
                cellX += cellWidth
            }
        }
    }
}
