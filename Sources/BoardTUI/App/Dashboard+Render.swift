import BoardCore

extension Dashboard {
    public static let minimumSize = (width: 80, height: 24)

    /// Draws one frame of `width` x `height`.
    public func render(width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        lastFrame = (width, height)
        keepCursorOnItem()
        guard width >= Dashboard.minimumSize.width, height >= Dashboard.minimumSize.height else {
            drawTooSmall(into: &buffer)
            return buffer
        }
        let header = Rect(x: 0, y: 0, width: width, height: 2)
        let body = ListLayout.body(width: width, height: height)
        drawHeader(in: header, into: &buffer)
        drawPane(in: body, into: &buffer)
        for overlay in ui.overlays { drawOverlay(overlay, in: body, into: &buffer) }
        drawFooter(y: height - 2, width: width, into: &buffer)
        return buffer
    }

    private func drawTooSmall(into buffer: inout CellBuffer) {
        let lines = ["terminal too small", "need \(Dashboard.minimumSize.width)x\(Dashboard.minimumSize.height),",
                     "have \(buffer.width)x\(buffer.height)", "q quits"]
        for (index, line) in lines.enumerated() where index < buffer.height {
            buffer.write(line, x: 0, y: index, style: index == 0 ? .error : .normal)
        }
    }

    private func drawHeader(in rect: Rect, into buffer: inout CellBuffer) {
        let person = state.stakeholders[me]
        let you = person.map { person in
            let lead = person.isLead ? ", lead" : ""
            return ["\(person.name) (\(person.handle), \(person.role)\(lead))", "\(person.name) (\(person.handle)\(lead))", person.handle]
        } ?? ["\(me) (not a stakeholder: read only)", "\(me) (read only)"]
        let signing = signingLabel()
        let youSigning = you.map { "\($0) · \(signing)" }
        var sync: String
        if let reason = workspace.readOnlyReason {
            sync = "READ-ONLY: \(reason)"
        } else if let last = lastRemoteChange {
            sync = "live · last change \(Dashboard.ago(from: last, to: clock())) ago"
        } else {
            sync = "live"
        }
        if state.stakeholders[me] == nil && workspace.readOnlyReason == nil { sync = "live · you cannot write" }
        buffer.fill(Rect(x: 0, y: rect.y, width: rect.width, height: 1), style: .footer)
        let x = buffer.write(" mlboard ", x: 0, y: rect.y, style: .tabActive)
        let line = HeaderLine(workspace: state.config.name, you: youSigning, othersPresent: othersPresent, sync: sync)
            .fitted(in: rect.width - x - 1)
        buffer.write(line.left, x: x + 1, y: rect.y, style: .footer)
        buffer.write(line.sync, x: rect.width - DisplayWidth.of(line.sync) - 1, y: rect.y,
                     style: workspace.readOnlyReason == nil ? .footer : .warning)
        var tabX = 0
        let rows = self.rows
        for (index, pane) in PaneRegistry.panes.enumerated() {
            tabX += buffer.write(tabLabel(pane, number: index + 1, rows), x: tabX, y: rect.y + 1, style: pane.pane == ui.pane ? .tabActive : .tabInactive)
        }
        let filter = ui.filter
        if ui.editingFilter || !filter.isEmpty {
            let text = ui.editingFilter ? "/\(filter)▏" : "filter: \(filter)"
            buffer.write(text, x: tabX + 2, y: rect.y + 1, style: .key, maxWidth: rect.width - tabX - 2)
        }
    }

    /// "unsigned" where lines need no signature and you have no key; else the key you sign with,
    /// or that you have none.
    private func signingLabel() -> String {
        let key = workspace.signingKey
        if state.signing.policy == .off && key?.usable != true { return "unsigned" }
        return key.map { $0.usable ? "signs with \($0.label)" : $0.label } ?? "no signing key"
    }

    /// A pane's tab: its number key, title and badge.
    func tabLabel(_ pane: any DashboardPane, number: Int, _ rows: PaneRows) -> String {
        " \(number) \(pane.title)\(pane.badge(rows))"
    }

    private func drawFooter(y: Int, width: Int, into buffer: inout CellBuffer) {
        buffer.fill(Rect(x: 0, y: y, width: width, height: 1), style: .footer)
        // Whole hints only, a hint cut mid-word reads as another one; when they do not all fit,
        // the last place goes to `?`, which lists every key.
        let hints = footerHints().map { (keys: $0.keys, help: " \($0.help)") }
        let widths = hints.map { DisplayWidth.of($0.keys) + DisplayWidth.of($0.help) + 2 }
        let allFit = 1 + widths.reduce(0, +) - 2 <= width - 1
        let more = (keys: "?", help: " every key")
        let room = allFit ? width - 1 : width - 1 - (DisplayWidth.of(more.keys) + DisplayWidth.of(more.help))
        var x = 1
        for (hint, hintWidth) in zip(hints, widths) where allFit || hint.keys != "?" {
            guard x + hintWidth - 2 <= room else { break }
            x += buffer.write(hint.keys, x: x, y: y, style: .key)
            x += buffer.write(hint.help + "  ", x: x, y: y, style: .footer, maxWidth: width - x)
        }
        if !allFit {
            x += buffer.write(more.keys, x: x, y: y, style: .key)
            buffer.write(more.help, x: x, y: y, style: .footer, maxWidth: width - x)
        }
        if let line = ui.commandLine {
            buffer.write(":" + line + "▏", x: 0, y: y + 1, style: .input, maxWidth: width)
        } else {
            buffer.write(ui.status.text, x: 0, y: y + 1, style: ui.status.isError ? .error : .status, maxWidth: width)
        }
    }

    func footerHints() -> [(keys: String, help: String)] {
        if ui.commandLine != nil { return [("Enter", "run"), ("Tab", "complete"), ("Esc", "cancel")] }
        if ui.editingFilter { return [("Enter", "keep filter"), ("Esc", "clear filter")] }
        switch ui.overlays.last {
        case .confirm: return [("y", "yes"), ("n/Esc", "no")]
        case .form: return [("Tab/↓", "next field"), ("←/→", "choose"), ("Enter", "submit"), ("Esc", "cancel")]
        case .help: return [("j/k", "scroll"), ("Esc/?", "close")]
        case .review, .projectDetail, .challengeDetail, .versionDetail:
            return keyMap.hints(for: ui.scope, withGlobal: false, excluding: focused.actionsOutOfReach(context))
                + [("j/k", "scroll"), ("?", "keys"), ("Esc/q", "close")]
        default: return keyMap.hints(for: ui.scope, excluding: focused.actionsOutOfReach(context))
        }
    }

    static func ago(from earlier: Instant, to now: Instant) -> String {
        let seconds = max(0, (now.millis - earlier.millis) / 1000)
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m" }
        if seconds < 86_400 { return "\(seconds / 3600)h" }
        return "\(seconds / 86_400)d"
    }

    private func drawPane(in rect: Rect, into buffer: inout CellBuffer) {
        focused.draw(context, in: rect, into: &buffer)
    }

    private func drawOverlay(_ overlay: Overlay, in rect: Rect, into buffer: inout CellBuffer) {
        let context = self.context
        switch overlay {
        case .help:
            HelpOverlay.draw(
                keyMap: keyMap, scope: ui.scope, problems: settingsProblems, signing: workspace.signingKey?.detail, scroll: ui.helpScroll,
                in: rect, into: &buffer)
        case .confirm(let confirmation): ConfirmOverlay.draw(confirmation, in: rect, into: &buffer)
        case .form(let form): FormOverlay.draw(form, in: rect, into: &buffer)
        case .review(let id): detailScrolling = ReviewOverlay.draw(context, requestID: id, in: rect, into: &buffer)
        case .projectDetail(let slug): detailScrolling = ProjectDetailOverlay.draw(context, slug: slug, in: rect, into: &buffer)
        case .challengeDetail(let id): detailScrolling = ChallengeDetailOverlay.draw(context, id: id, in: rect, into: &buffer)
        case .versionDetail(let ref): detailScrolling = VersionDetailOverlay.draw(context, ref: ref, in: rect, into: &buffer)
        }
    }
}
