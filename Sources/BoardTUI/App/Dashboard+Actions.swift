import BoardCore

extension Dashboard {
    func perform(_ action: Action) {
        switch action {
        case .quit: if ui.readingOverlay { ui.overlays.removeLast() } else { quitAskingFirst() }
        case .help:
            ui.helpScroll = 0
            ui.overlays.append(.help)
        case .back: back()
        case .filter:
            ui.editingFilter = true
            ui.overlays.removeAll()
        case .commandLine: ui.commandLine = ""
        case .nextPane: switchPane(to: Pane(rawValue: ui.pane.rawValue % Pane.allCases.count + 1) ?? .overview)
        case .previousPane: switchPane(to: Pane(rawValue: (ui.pane.rawValue + Pane.allCases.count - 2) % Pane.allCases.count + 1) ?? .overview)
        case .pane1, .pane2, .pane3, .pane4, .pane5, .pane6, .pane7, .pane8, .pane9:
            if let pane = action.paneNumber.flatMap(Pane.init(rawValue:)) { switchPane(to: pane) }
        case .up: move(by: -1)
        case .down: move(by: 1)
        case .pageUp: move(by: -pageSize)
        case .pageDown: move(by: pageSize)
        case .top: move(by: -1_000_000)
        case .bottom: move(by: 1_000_000)
        case .left: moveSideways(-1)
        case .right: moveSideways(1)
        case .open: open()
        case .copy: copySelection()
        case .searchNext: jumpToMatch(forward: true)
        case .searchPrevious: jumpToMatch(forward: false)
        case .sort:
            ui.projectSort = ProjectSort(rawValue: (ui.projectSort.rawValue + 1) % ProjectSort.allCases.count) ?? .name
            say("sorted by \(ui.projectSort.title)")
        case .newItem: newItem()
        case .comment: commentOnSelection()
        case .requestPromotion:
            guard let version = selectedVersion else { return complain("no version selected") }
            ui.overlays.append(.form(Forms.requestPromotion(version, config: state.config)))
        case .moveStatus:
            guard let challenge = selectedChallenge else { return complain("no challenge selected") }
            ui.overlays.append(.form(Forms.moveChallenge(challenge)))
        case .approve: approveSelected()
        case .reject:
            guard let request = reviewedOrSelectedRequest else { return complain("no request selected") }
            if let refusal = refusal(toDecide: request, rejecting: true) { return complain(refusal.description) }
            ui.overlays.append(.form(Forms.reject(request)))
        case .withdraw:
            guard let request = reviewedOrSelectedRequest else { return complain("no request selected") }
            ui.overlays.append(.confirm(Confirmation(
                question: "Withdraw \(request.id) (\(request.version) → \(request.toStage))? y/n",
                command: .withdraw(request: request.id), success: "withdrew \(request.id)")))
        case .assignR: assign(.responsible)
        case .assignA: assign(.accountable)
        case .assignC: assign(.consulted)
        case .assignI: assign(.informed)
        case .unassign: unassignCell()
        case .nextProject: stepMatrixProject(1)
        case .previousProject: stepMatrixProject(-1)
        case .toggleFocus:
            ui.matrixFocused.toggle()
            say(ui.matrixFocused ? "matrix: h/l stakeholders, j/k steps, r/a/c/i assign, x clear" : "")
        case .edit: editSelection()
        case .archive:
            guard let project = selectedProject else { return complain("no project selected") }
            guard !project.archived else { return complain("\(project.slug) is archived already; R restores it") }
            ui.overlays.append(.confirm(Confirmation(
                question: "Archive project \(project.slug) (\(project.name))? y/n", command: .archiveProject(slug: project.slug),
                success: "archived \(project.slug)")))
        case .restore:
            guard let project = selectedProject else { return complain("no project selected") }
            guard project.archived else { return complain("\(project.slug) is not archived; v lists the archived projects") }
            ui.overlays.append(.confirm(Confirmation(
                question: "Restore project \(project.slug) (\(project.name))? y/n", command: .restoreProject(slug: project.slug),
                success: "restored \(project.slug)")))
        case .toggleArchived:
            ui.showArchivedProjects.toggle()
            ui.selection[.projects] = 0
            cursorAnchors[.projects] = nil
            say(ui.showArchivedProjects ? "archived projects; R restores one, v lists the live ones" : "live projects")
        }
    }

    /// Quits, unless a form has unsaved input: then asks first.
    func quitAskingFirst() {
        let unsaved = ui.overlays.contains { if case .form(let form) = $0 { return form.hasUnsavedInput } else { return false } }
        if unsaved {
            ui.overlays.append(.confirm(Confirmation(question: "A form has unsaved input. Quit anyway? y/n", command: nil, success: "")))
        } else {
            ui.quitting = true
        }
    }

    private func back() {
        if !ui.overlays.isEmpty {
            ui.overlays.removeLast()
        } else if ui.pane == .team && ui.matrixFocused {
            ui.matrixFocused = false
        } else if !(ui.filters[ui.pane] ?? "").isEmpty {
            ui.filters[ui.pane] = ""
            say("filter cleared")
        }
    }

    func switchPane(to pane: Pane) {
        ui.overlays.removeAll()
        ui.pane = pane
        ui.editingFilter = false
        if pane == .activity { loadActivityHistory() }
    }

    /// A page is as many rows as the focused list (or the open detail) showed in the last frame.
    var pageSize: Int {
        if ui.detail != nil { return detailScrolling.page }
        return focused.visibleRows(in: ListLayout.body(width: lastFrame.width, height: lastFrame.height), ui: ui)
    }

    private func move(by delta: Int) {
        if ui.detail != nil {
            ui.detailScroll = max(0, min(detailScrolling.limit, ui.detailScroll + delta))
            return
        }
        if ui.pane == .team && ui.matrixFocused {
            let steps = state.config.lifecycleSteps.count
            ui.matrixCursor.row = max(0, min(steps - 1, ui.matrixCursor.row + delta))
            return
        }
        let count = focused.list(context)?.count ?? 0
        focused.setCursor(max(0, min(count - 1, focused.cursor(ui) + delta)), in: &ui)
    }

    private func moveSideways(_ delta: Int) {
        if ui.pane == .models {
            ui.modelsColumn = max(0, min(state.config.stages.count - 1, ui.modelsColumn + delta))
        } else if ui.pane == .team && ui.matrixFocused {
            let people = matrixPeople.count
            ui.matrixCursor.column = max(0, min(max(0, people - 1), ui.matrixCursor.column + delta))
        } else if ui.pane == .team {
            stepMatrixProject(delta)
        }
    }

    private func open() {
        switch ui.pane {
        case .overview: switchPane(to: .approvals)
        case .projects:
            if let project = selectedProject { openDetail(.projectDetail(slug: project.slug)) }
        case .approvals:
            if let request = rows.requests[safe: ui.selected(.approvals)] { openDetail(.review(requestID: request.id)) }
        case .challenges:
            if let challenge = selectedChallenge { openDetail(.challengeDetail(id: challenge.id)) }
        case .team: ui.matrixFocused = true
        case .models:
            if let version = selectedVersion { openDetail(.versionDetail(version.ref)) }
        case .activity: break
        }
    }

    func openDetail(_ detail: Overlay) {
        ui.detailScroll = 0
        ui.overlays.append(detail)
    }

    private func newItem() {
        switch ui.pane {
        case .projects: ui.overlays.append(.form(Forms.newProject(state.config)))
        case .team: ui.overlays.append(.form(Forms.newStakeholder(state.config)))
        case .challenges: ui.overlays.append(.form(Forms.newChallenge(state, project: nil)))
        case .models:
            guard let model = selectedVersion.flatMap({ state.models[$0.ref.model] }) else { return complain("select a version of the model first") }
            ui.overlays.append(.form(Forms.newVersion(of: model)))
        default: break
        }
    }

    private func editSelection() {
        switch ui.pane {
        case .projects:
            guard let project = selectedProject else { return complain("no project selected") }
            ui.overlays.append(.form(Forms.editProject(project, config: state.config)))
        case .challenges:
            guard let challenge = selectedChallenge else { return complain("no challenge selected") }
            ui.overlays.append(.form(Forms.editChallenge(challenge, state: state)))
        default: break
        }
    }

    private func commentOnSelection() {
        let target: CommentTarget?
        switch ui.pane {
        case .projects: target = selectedProject.map { .project($0.slug) }
        case .models: target = selectedVersion.map { .version($0.ref) }
        case .challenges: target = selectedChallenge.map { .challenge($0.id) }
        case .approvals: target = reviewedOrSelectedRequest.map { .request($0.id) }
        default: target = nil
        }
        guard let target else { return complain("nothing selected to comment on") }
        ui.overlays.append(.form(Forms.comment(on: target)))
    }

    private func approveSelected() {
        guard let request = reviewedOrSelectedRequest else { return complain("no request selected") }
        if let refusal = refusal(toDecide: request, rejecting: false) { return complain(refusal.description) }
        let failures = state.versions[request.version].map { Gates.failures(for: $0, entering: request.toStage, in: state) } ?? []
        ui.overlays.append(.form(Forms.approve(request, failures: failures)))
    }

    private func copySelection() {
        let text: String?
        switch ui.pane {
        case .projects: text = selectedProject.map(\.slug)
        case .team: text = rows.stakeholders[safe: ui.selected(.team)]?.handle
        case .models: text = selectedVersion.map { "\($0.ref.model):\($0.ref.number)" }
        case .challenges: text = selectedChallenge.map { "\($0.id) \($0.title)" }
        case .approvals: text = reviewedOrSelectedRequest.map { "\($0.id) \($0.version) → \($0.toStage)" }
        case .activity: text = rows.activity[safe: ui.selected(.activity)].map { "#\($0.sequence) \($0.actor): \($0.summary)" }
        case .overview: text = nil
        }
        guard let text else { return complain("nothing selected to copy") }
        pendingClipboard = text
        say("copied: \(text)")
    }

    // MARK: The RACI matrix

    var matrixProjectSlug: String? {
        if let slug = ui.matrixProject, state.projects[slug]?.archived == false { return slug }
        return rows.firstLiveProject
    }

    /// Stakeholders shown as matrix columns: active ones, by name.
    var matrixPeople: [Stakeholder] { rows.matrixPeople }

    private func stepMatrixProject(_ delta: Int) {
        let projects = state.liveProjects.map(\.slug)
        guard !projects.isEmpty else { return }
        let current = projects.firstIndex(of: matrixProjectSlug ?? "") ?? 0
        ui.matrixProject = projects[(current + delta + projects.count) % projects.count]
    }

    private func assign(_ raci: RACI) {
        guard let slug = matrixProjectSlug, let person = matrixPeople[safe: ui.matrixCursor.column],
              let step = state.config.lifecycleSteps[safe: ui.matrixCursor.row] else { return }
        submit(.assign(project: slug, step: step, stakeholder: person.handle, raci: raci),
               success: "\(person.handle) is \(raci.word) for '\(step)' of \(slug)")
    }

    /// Clearing a cell removes someone's part in a step, so it asks first.
    private func unassignCell() {
        guard let slug = matrixProjectSlug, let person = matrixPeople[safe: ui.matrixCursor.column],
              let step = state.config.lifecycleSteps[safe: ui.matrixCursor.row] else { return }
        guard let assignment = state.assignments[AssignmentKey(project: slug, step: step, stakeholder: person.handle)] else {
            return complain("\(person.handle) has no part in '\(step)' to clear")
        }
        ui.overlays.append(.confirm(Confirmation(
            question: "Remove \(person.handle) (\(assignment.raci.word)) from '\(step)' of \(slug)? y/n",
            command: .unassign(project: slug, step: step, stakeholder: person.handle),
            success: "cleared \(person.handle) from '\(step)'")))
    }

    // MARK: Selections

    /// The project of the open detail, else the one under the cursor.
    var selectedProject: Project? {
        if case .projectDetail(let slug) = ui.detail { return state.projects[slug] }
        return rows.projects[safe: ui.selected(.projects)].flatMap { state.projects[$0.slug] }
    }

    /// The version of the open detail, else the card under the cursor.
    var selectedVersion: ModelVersion? {
        if case .versionDetail(let ref) = ui.detail { return state.versions[ref] }
        return rows.versionsByStage[safe: ui.modelsColumn]?.versions[safe: ui.modelsRow[ui.modelsColumn] ?? 0]
    }

    /// The challenge of the open detail, else the one under the cursor.
    var selectedChallenge: Challenge? {
        if case .challengeDetail(let id) = ui.detail { return state.challenges[id] }
        return rows.challenges[safe: ui.selected(.challenges)]
    }

    var reviewedOrSelectedRequest: PromotionRequest? {
        for overlay in ui.overlays.reversed() {
            if case .review(let id) = overlay { return state.requests[id] }
        }
        guard ui.pane == .approvals else { return nil }
        return rows.requests[safe: ui.selected(.approvals)]
    }
}
