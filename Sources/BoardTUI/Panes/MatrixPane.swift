import BoardCore

/// The RACI matrix of one project: lifecycle steps down, active stakeholders across, and a
/// line naming the person in the cursor's column.
enum MatrixPane {
    static func draw(_ context: PaneContext, in rect: Rect, into buffer: inout CellBuffer) {
        guard let slug = context.matrixProjectSlug, let project = context.state.projects[slug] else {
            Box.draw("RACI matrix", in: rect, into: &buffer)
            return
        }
        let focused = context.ui.matrixFocused
        let inner = Box.draw("RACI matrix: \(project.name) ([ ] other project, m edit)", in: rect, focused: focused, into: &buffer)
        let people = context.matrixPeople
        let steps = context.state.config.lifecycleSteps
        let cursor = context.ui.matrixCursor
        let labelWidth = min(30, max(12, inner.width / 3))
        let headers = context.rows.matrixHeaders(width: inner.width - labelWidth)
        let shown = headers.visibleColumns(width: inner.width - labelWidth, cursor: cursor.column)
        var x = inner.x + labelWidth
        for index in shown {
            let style: StyleRole = focused && index == cursor.column ? .selection : .header
            buffer.write(DisplayWidth.fit(headers.labels[index], to: headers.widths[index] - 1), x: x, y: inner.y, style: style)
            x += headers.widths[index]
        }
        let rowsVisible = ListLayout.matrixRows(in: rect)
        let firstRow = max(0, min(steps.count - rowsVisible, cursor.row - rowsVisible / 2))
        for (rowIndex, step) in steps.enumerated().dropFirst(firstRow).prefix(rowsVisible) {
            let y = inner.y + 1 + rowIndex - firstRow
            let current = step == project.step
            buffer.write(DisplayWidth.fit((current ? "▶ " : "  ") + step, to: labelWidth), x: inner.x, y: y, style: current ? .key : .normal)
            var cellX = inner.x + labelWidth
            for columnIndex in shown {
                let person = people[columnIndex]
                let width = headers.widths[columnIndex]
                let key = AssignmentKey(project: slug, step: step, stakeholder: person.handle)
                let letter = context.state.assignments[key]?.raci.rawValue ?? "·"
                let selected = focused && rowIndex == cursor.row && columnIndex == cursor.column
                // The letter under the middle of its label.
                let cell = String(repeating: " ", count: (width - 2) / 2) + letter
                buffer.write(DisplayWidth.fit(cell, to: width - 1), x: cellX, y: y,
                             style: selected ? .selection : (letter == "A" ? .key : .normal))
                cellX += width
            }
        }
        if let person = people[safe: cursor.column] {
            buffer.write(personLine(person, project: slug, step: steps[safe: cursor.row], state: context.state),
                         x: inner.x, y: inner.maxY - 1, style: focused ? .key : .muted, maxWidth: inner.width)
        }
    }

    /// Who the cursor's column is, and their part in the cursor's step.
    static func personLine(_ person: Stakeholder, project: String, step: String?, state: BoardState) -> String {
        var line = "\(person.name) (\(person.handle)), \(person.role)"
        if let step {
            let part = state.assignments[AssignmentKey(project: project, step: step, stakeholder: person.handle)]?.raci.word
            line += part.map { ": \($0) for '\(step)'" } ?? ": no part in '\(step)'"
        }
        return line
    }
}
