import BoardCore

/// What the keys of Team and of its RACI matrix do.
extension TeamPane {
    func perform(_ action: Action, ui: inout UIState, context: PaneContext) -> [Effect]? {
        switch action {
        case .open:
            ui.matrixFocused = true
            return []
        case .back:
            guard ui.matrixFocused else { return nil }
            ui.matrixFocused = false
            return []
        case .toggleFocus:
            ui.matrixFocused.toggle()
            return [.say(ui.matrixFocused ? "matrix: h/l stakeholders, j/k steps, r/a/c/i assign, x clear" : "")]
        case .left, .right:
            let delta = action == .left ? -1 : 1
            if ui.matrixFocused {
                let people = context.matrixPeople.count
                ui.matrixCursor.column = max(0, min(max(0, people - 1), ui.matrixCursor.column + delta))
            } else {
                stepMatrixProject(delta, ui: &ui, context: context)
            }
            return []
        case .nextProject, .previousProject:
            stepMatrixProject(action == .nextProject ? 1 : -1, ui: &ui, context: context)
            return []
        case .newItem:
            return [.open(.form(Forms.newStakeholder(context.state.config)))]
        case .assignR: return assign(.responsible, ui: ui, context: context)
        case .assignA: return assign(.accountable, ui: ui, context: context)
        case .assignC: return assign(.consulted, ui: ui, context: context)
        case .assignI: return assign(.informed, ui: ui, context: context)
        case .unassign: return unassignCell(ui: ui, context: context)
        default: return nil
        }
    }

    /// In the matrix, j/k move over the lifecycle steps.
    func move(by delta: Int, ui: inout UIState, context: PaneContext) {
        guard ui.matrixFocused else { return moveCursor(by: delta, ui: &ui, context: context) }
        let steps = context.state.config.lifecycleSteps.count
        ui.matrixCursor.row = max(0, min(steps - 1, ui.matrixCursor.row + delta))
    }

    func copyText(_ context: PaneContext) -> String? { context.rows.stakeholders[safe: context.ui.selected(.team)]?.handle }

    private func stepMatrixProject(_ delta: Int, ui: inout UIState, context: PaneContext) {
        let projects = context.state.liveProjects.map(\.slug)
        guard !projects.isEmpty else { return }
        let current = projects.firstIndex(of: context.matrixProjectSlug ?? "") ?? 0
        ui.matrixProject = projects[(current + delta + projects.count) % projects.count]
    }

    /// The matrix cell under the cursor: its project, person and step.
    private func cell(_ ui: UIState, _ context: PaneContext) -> (project: String, person: Stakeholder, step: String)? {
        guard let slug = context.matrixProjectSlug, let person = context.matrixPeople[safe: ui.matrixCursor.column],
              let step = context.state.config.lifecycleSteps[safe: ui.matrixCursor.row] else { return nil }
        return (slug, person, step)
    }

    private func assign(_ raci: RACI, ui: UIState, context: PaneContext) -> [Effect] {
        guard let (slug, person, step) = cell(ui, context) else { return [] }
        return [.write(.assign(project: slug, step: step, stakeholder: person.handle, raci: raci),
                       success: "\(person.handle) is \(raci.word) for '\(step)' of \(slug)")]
    }

    /// Clearing a cell removes someone's part in a step, so it asks first.
    private func unassignCell(ui: UIState, context: PaneContext) -> [Effect] {
        guard let (slug, person, step) = cell(ui, context) else { return [] }
        guard let assignment = context.state.assignments[AssignmentKey(project: slug, step: step, stakeholder: person.handle)] else {
            return [.complain("\(person.handle) has no part in '\(step)' to clear")]
        }
        return [.ask(Confirmation(
            question: "Remove \(person.handle) (\(assignment.raci.word)) from '\(step)' of \(slug)? y/n",
            command: .unassign(project: slug, step: step, stakeholder: person.handle),
            success: "cleared \(person.handle) from '\(step)'"))]
    }
}
