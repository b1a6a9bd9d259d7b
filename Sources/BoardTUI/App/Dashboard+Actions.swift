import BoardCore

extension Dashboard {
    /// Performs a key's action: the global ones here, the rest by the focused pane.
    func perform(_ action: Action) -> [Effect] {
        switch action {
        case .quit: if ui.readingOverlay { ui.overlays.removeLast() } else { quitAskingFirst() }
        case .help:
            ui.helpScroll = 0
            ui.overlays.append(.help)
        case .back: return back()
        case .filter:
            ui.editingFilter = true
            ui.overlays.removeAll()
        case .commandLine: ui.commandLine = ""
        case .nextPane: switchPane(to: paneBeside(by: 1))
        case .previousPane: switchPane(to: paneBeside(by: -1))
        case .pane1, .pane2, .pane3, .pane4, .pane5, .pane6, .pane7, .pane8, .pane9:
            if let pane = action.paneNumber.flatMap(PaneRegistry.pane(number:)) { switchPane(to: pane) }
        case .up: move(by: -1)
        case .down: move(by: 1)
        case .pageUp: move(by: -pageSize)
        case .pageDown: move(by: pageSize)
        case .top: move(by: -1_000_000)
        case .bottom: move(by: 1_000_000)
        case .copy: return copySelection()
        case .searchNext: jumpToMatch(forward: true)
        case .searchPrevious: jumpToMatch(forward: false)
        default: return paneActs(action) ?? []
        }
        return []
    }

    /// The focused pane's answer to `action`, or nil when it has none.
    private func paneActs(_ action: Action) -> [Effect]? {
        let context = self.context
        return focused.perform(action, ui: &ui, context: context)
    }

    /// Carries out what handling a key asked for; returns the terminal's part, for the runner.
    func carryOut(_ effects: [Effect]) -> [TerminalEffect] {
        var terminal: [TerminalEffect] = []
        for effect in effects {
            switch effect {
            case .write(let command, let success): submit(command, success: success)
            case .ask(let confirmation): ui.overlays.append(.confirm(confirmation))
            case .open(let overlay):
                if overlay.isDetail { openDetail(overlay) } else { ui.overlays.append(overlay) }
            case .say(let text): say(text)
            case .complain(let text): complain(text)
            case .showPane(let pane): switchPane(to: pane)
            case .loadOlderActivity: loadActivityHistory()
            case .cursorToTop:
                focused.setCursor(0, in: &ui)
                cursorAnchors[ui.pane] = nil
            case .terminal(let work): terminal.append(work)
            }
        }
        return terminal
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

    /// Esc: closes the top overlay, else lets the pane step back (out of the matrix), else
    /// clears the filter.
    private func back() -> [Effect] {
        if !ui.overlays.isEmpty {
            ui.overlays.removeLast()
        } else if let effects = paneActs(.back) {
            return effects
        } else if !(ui.filters[ui.pane] ?? "").isEmpty {
            ui.filters[ui.pane] = ""
            say("filter cleared")
        }
        return []
    }

    func switchPane(to pane: Pane) {
        ui.overlays.removeAll()
        ui.pane = pane
        ui.editingFilter = false
        _ = carryOut(pane.registered.shown())
    }

    /// The pane `offset` places from the focused one in the tab row, wrapping around.
    private func paneBeside(by offset: Int) -> Pane {
        let panes = PaneRegistry.panes.map(\.pane)
        let here = panes.firstIndex(of: ui.pane) ?? 0
        return panes[(here + offset + panes.count) % panes.count]
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
        let context = self.context
        focused.move(by: delta, ui: &ui, context: context)
    }

    func openDetail(_ detail: Overlay) {
        ui.detailScroll = 0
        ui.overlays.append(detail)
    }

    private func copySelection() -> [Effect] {
        guard let text = focused.copyText(context) else { return [.complain("nothing selected to copy")] }
        return [.terminal(.copy(text)), .say("copied: \(text)")]
    }

    // MARK: What the panes see, for tests and the command line

    var matrixProjectSlug: String? { context.matrixProjectSlug }
    var matrixPeople: [Stakeholder] { context.matrixPeople }
    var selectedProject: Project? { context.selectedProject }
    var selectedVersion: ModelVersion? { context.selectedVersion }
    var selectedChallenge: Challenge? { context.selectedChallenge }
}
