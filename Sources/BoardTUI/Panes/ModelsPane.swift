import BoardCore

/// A stage board: one column per stage, a card per version with its key metric and a badge
/// for a pending request.
struct ModelsPane: DashboardPane {
    let pane = Pane.models
    let title = "Models"
    let scope = KeyScope.models

    let bindings: [KeyMap.Binding] = [
        .init([.character("p")], .requestPromotion, .models, "request a promotion or an alias move", hint: true),
        .init([.character("n")], .newItem, .models, "register a new version of the model", hint: true),
        .init([.character("c")], .comment, .models, "comment on the version", hint: true),
        // In a version's detail: the version it shows.
        .init([.character("p")], .requestPromotion, .versionDetail, "request a promotion or alias move", hint: true),
        .init([.character("c")], .comment, .versionDetail, "comment on this version", hint: true),
    ]

    /// The versions in the focused stage column; each column keeps its own cursor.
    func list(_ context: PaneContext) -> PaneList? {
        let versions = context.rows.versionsByStage[safe: context.ui.modelsColumn]?.versions ?? []
        return PaneList(versions, id: \.ref.description) { version in
            SearchFields.of(version, project: context.state.models[version.ref.model]?.project ?? "")
        }
    }

    func cursor(_ ui: UIState) -> Int { ui.modelsRow[ui.modelsColumn] ?? 0 }
    func setCursor(_ index: Int, in ui: inout UIState) { ui.modelsRow[ui.modelsColumn] = index }
    func listIndex(_ ui: UIState) -> Int { ui.modelsColumn }
    func visibleRows(in body: Rect, ui: UIState) -> Int { max(1, (body.height - 2) / ListLayout.cardHeight) }

    func draw(_ context: PaneContext, in rect: Rect, into buffer: inout CellBuffer) {
        let board = context.rows.versionsByStage
        let pendingByVersion = context.rows.openRequestsByVersion
        guard !board.isEmpty else { return }
        let columnWidth = rect.width / board.count
        for (index, column) in board.enumerated() {
            let focused = index == context.ui.modelsColumn
            let area = Rect(x: rect.x + index * columnWidth, y: rect.y,
                            width: index == board.count - 1 ? rect.width - index * columnWidth : columnWidth, height: rect.height)
            let inner = Box.draw("\(column.stage) (\(column.versions.count))", in: area, focused: focused, into: &buffer)
            let cardHeight = ListLayout.cardHeight
            let visible = max(1, inner.height / cardHeight)
            let selected = context.ui.modelsRow[index] ?? 0
            let first = max(0, min(column.versions.count - visible, selected - visible / 2))
            for (row, version) in column.versions.enumerated().dropFirst(first).prefix(visible) {
                let y = inner.y + (row - first) * cardHeight
                drawCard(version, pending: pendingByVersion[version.ref] ?? [], context: context,
                         at: Rect(x: inner.x, y: y, width: inner.width, height: cardHeight),
                         selected: focused && row == selected, into: &buffer)
            }
            if column.versions.isEmpty { buffer.write("no versions", x: inner.x, y: inner.y, style: .muted, maxWidth: inner.width) }
        }
    }

    private func drawCard(
        _ version: ModelVersion, pending: [PromotionRequest], context: PaneContext, at rect: Rect, selected: Bool,
        into buffer: inout CellBuffer
    ) {
        let state = context.state
        let model = state.models[version.ref.model]
        let number = " v\(version.ref.number)"
        var badge = pending.first.map { " ⇧\($0.target.prefix(4)) " } ?? ""
        if DisplayWidth.of(version.ref.model + number + badge) > rect.width && !badge.isEmpty { badge = " ⇧ " }
        // The model's name gives way first: the version number and the badge tell cards apart.
        let name = DisplayWidth.truncate(version.ref.model, to: rect.width - DisplayWidth.of(number + badge))
        buffer.write(name + number, x: rect.x, y: rect.y, style: context.stageStyle(version.stage), maxWidth: rect.width)
        if !badge.isEmpty {
            buffer.write(badge, x: rect.maxX - DisplayWidth.of(badge), y: rect.y, style: .badge)
        }
        let metricName = model?.keyMetric ?? version.metrics.keys.sorted().first
        var metricText = model?.project ?? ""
        if let metricName, let value = version.metrics[metricName] {
            let gate = model?.thresholds.first { $0.metric == metricName }
            let mark = gate.map { $0.holds(for: version.metrics) ? " ✓" : " ✗" } ?? ""
            metricText = "\(metricName) \(MetricThreshold.format(value))\(mark) · \(model?.project ?? "")"
        }
        // The aliases lead the second line, so they never cost the model's name its room.
        let aliases = model?.aliases(of: version.ref.number).map { "@\($0) " }.joined() ?? ""
        let aliasWidth = buffer.write(aliases, x: rect.x + 1, y: rect.y + 1, style: .badge, maxWidth: rect.width - 1)
        buffer.write(metricText, x: rect.x + 1 + aliasWidth, y: rect.y + 1, style: .muted, maxWidth: rect.width - 1 - aliasWidth)
        if selected {
            buffer.restyle(row: rect.y, from: rect.x, width: rect.width, style: .selection)
            buffer.restyle(row: rect.y + 1, from: rect.x, width: rect.width, style: .selection)
        }
    }
}
