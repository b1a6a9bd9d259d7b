import BoardCore

extension Dashboard {
    /// Handles one key press; returns the work it asks of the terminal (copy a text, switch
    /// the theme), which the runner carries out.
    @discardableResult
    public func handle(_ key: Key) -> [TerminalEffect] {
        let terminal = carryOut(handleKey(key))
        keepCursorOnItem()
        let context = self.context
        focused.keyHandled(ui: &ui, context: context)
        return terminal
    }

    private func handleKey(_ key: Key) -> [Effect] {
        if key == .resize { return [] }
        if key == .control("c") && !ui.askingQuestion {
            quitAskingFirst()
            return []
        }
        if ui.commandLine != nil { return handleCommandLine(key) }
        if ui.editingFilter {
            handleFilter(key)
            return []
        }
        switch ui.overlays.last {
        case .confirm(let confirmation): handleConfirm(key, confirmation)
        case .form(let form): handleForm(key, form)
        case .help: handleHelp(key)
        default:
            guard let action = keyMap.action(for: key, in: ui.scope) else {
                if ui.scope.isOverlay { say("\(key) does nothing here; Esc or q closes this view first") }
                return []
            }
            return perform(action)
        }
        return []
    }

    private func handleFilter(_ key: Key) {
        var text = ui.filters[ui.pane] ?? ""
        switch key {
        case .enter: ui.editingFilter = false
        case .escape:
            ui.editingFilter = false
            text = ""
        case .backspace: if !text.isEmpty { text.removeLast() }
        case .character(let c): text.append(c)
        default: return
        }
        ui.filters[ui.pane] = text
        if !text.isEmpty { ui.lastFilters[ui.pane] = text }
        ui.selection[ui.pane] = 0
    }

    private func handleConfirm(_ key: Key, _ confirmation: Confirmation) {
        switch key {
        case .character("y"), .character("Y"):
            ui.overlays.removeLast()
            guard let command = confirmation.command else {
                ui.quitting = true
                return
            }
            if let refusal = submit(command, success: confirmation.success) {
                // Put the form back with the reason, so nothing typed is lost.
                if case .form(var form) = ui.overlays.last {
                    ui.overlays.removeLast()
                    form.show(refusal)
                    ui.overlays.append(.form(form))
                }
            } else {
                closeFormsAfterSuccess()
            }
        case .character("n"), .character("N"), .escape:
            ui.overlays.removeLast()
            say("cancelled; nothing was written")
        case .control("c"):
            // A second Ctrl-C answers the quit question; on any other question it asks that one.
            ui.overlays.removeLast()
            if confirmation.command == nil { ui.quitting = true } else { quitAskingFirst() }
        default:
            break
        }
    }

    private func closeFormsAfterSuccess() {
        while case .form = ui.overlays.last { ui.overlays.removeLast() }
    }

    private func handleForm(_ key: Key, _ original: Form) {
        var form = original
        switch key {
        case .escape:
            ui.overlays.removeLast()
            say("cancelled; nothing was written")
            return
        case .tab, .down: form.focus = (form.focus + 1) % form.fields.count
        case .backTab, .up: form.focus = (form.focus - 1 + form.fields.count) % form.fields.count
        case .left: form.cycleChoice(forward: false)
        case .right: form.cycleChoice(forward: true)
        case .backspace: form.backspace()
        case .character(let c): form.type(c)
        case .enter:
            ui.overlays.removeLast()
            submitForm(form)
            return
        default: break
        }
        ui.overlays[ui.overlays.count - 1] = .form(form)
    }

    private func submitForm(_ original: Form) {
        var form = original
        form.error = nil
        guard form.checkRequired() else {
            ui.overlays.append(.form(form))
            complain("fill in the required fields")
            return
        }
        let commands = form.purpose.commands(from: form)
        if form.purpose.needsConfirmation, let command = commands.first {
            ui.overlays.append(.form(form))
            ui.overlays.append(.confirm(Confirmation(
                question: "\(form.title)? This is recorded with your name. y/n", command: command,
                success: "\(form.title): done")))
            return
        }
        if let refusal = submit(all: commands, success: "\(form.title): saved") {
            form.show(refusal)
            ui.overlays.append(.form(form))
        }
    }

    private func handleHelp(_ key: Key) {
        switch key {
        case .escape, .character("q"), .character("?"): ui.overlays.removeLast()
        case .character("j"), .down: ui.helpScroll += 1
        case .character("k"), .up: ui.helpScroll = max(0, ui.helpScroll - 1)
        default: break
        }
    }

    private func handleCommandLine(_ key: Key) -> [Effect] {
        var text = ui.commandLine ?? ""
        switch key {
        case .escape:
            ui.commandLine = nil
            return []
        case .enter:
            ui.commandLine = nil
            return runCommandLine(text)
        case .tab: text = completeCommandLine(text)
        case .backspace:
            if text.isEmpty {
                ui.commandLine = nil
                return []
            }
            text.removeLast()
        case .character(let c): text.append(c)
        default: break
        }
        ui.commandLine = text
        return []
    }
}
