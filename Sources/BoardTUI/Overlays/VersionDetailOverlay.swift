import BoardCore

/// One model version's story: its lineage and aliases, its metrics against the model's gates,
/// who moved it between stages (and aliases onto or off it) when and why, its promotion
/// requests with their approvals, and its comments.
enum VersionDetailOverlay {
    static func draw(_ context: PaneContext, ref: VersionRef, in rect: Rect, into buffer: inout CellBuffer) -> DetailScroll {
        let state = context.state
        guard let version = state.versions[ref] else { return DetailScroll() }
        let model = state.models[ref.model]
        let inner = Panel.open("\(ref) (\(version.stage))", width: rect.width - 4, height: rect.height, in: rect, into: &buffer)
        let production = state.config.policy.productionStage
        var lines: [(String, StyleRole)] = [
            ("\(model?.name ?? ref.model) · project \(model?.project ?? "?") · stage \(version.stage)", context.stageStyle(version.stage)),
            ("Source: \(version.source) · registered by \(version.registeredBy) on \(version.registeredAt.iso8601)", .muted),
        ]
        lines += aliasLines(of: version, model: model)
        lines += lineageLines(of: version)
        lines += [("", .normal), ("Metrics against the gates of \(ref.model)", .header)]
        lines += GateLines.metrics(of: version, model: model)
        if version.stage != production {
            lines.append(("", .normal))
            lines += GateLines.gates(Gates.failures(for: version, entering: production, in: state),
                                     failing: "entering \(production) needs an override reason")
        }
        lines += [("", .normal), ("Stage and alias history", .header)] + history(of: version, in: state)
        lines += [("", .normal), ("Promotion requests", .header)] + requests(of: ref, in: state, now: context.now)
        let comments = state.comments(on: .version(ref))
        if !comments.isEmpty {
            lines += [("", .normal), ("Comments", .header)]
            for comment in comments { lines.append(("  \(comment.author) \(comment.at.iso8601): \(comment.body)", .normal)) }
        }
        return Panel.scrolledLines(lines, scroll: context.ui.detailScroll, in: inner, into: &buffer)
    }

    private static func aliasLines(of version: ModelVersion, model: MLModel?) -> [(String, StyleRole)] {
        let aliases = model?.aliases(of: version.ref.number) ?? []
        guard !aliases.isEmpty else { return [] }
        return [("Aliases: " + aliases.map { "@\($0)" }.joined(separator: " "), .badge)]
    }

    private static func lineageLines(of version: ModelVersion) -> [(String, StyleRole)] {
        let lineage = version.lineage
        guard !lineage.isEmpty else { return [("Lineage: none recorded", .muted)] }
        var lines: [(String, StyleRole)] = []
        if !lineage.fields.isEmpty {
            lines.append(("Lineage: " + lineage.fields.map { "\($0.label) \($0.value)" }.joined(separator: " · "), .normal))
        }
        if !lineage.tags.isEmpty {
            lines.append(("Tags: " + lineage.tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "), .muted))
        }
        return lines
    }

    /// Every move of the version and of the aliases onto or off it, oldest first: when, from
    /// and to, by whom, why.
    private static func history(of version: ModelVersion, in state: BoardState) -> [(String, StyleRole)] {
        let ref = version.ref
        let moves = state.stageHistory(of: ref.model).filter { $0.version == ref }
            .map { move in (move.at, "\(move.from) → \(move.to) by \(move.by)", move.request, move.reason) }
        let aliasMoves = state.aliasMoves.filter { $0.model == ref.model && ($0.from == ref.number || $0.to == ref.number) }
            .map { move in (move.at, "\(move.summary) by \(move.by)", move.request, move.reason) }
        let all = moves + aliasMoves  // a stable sort keeps each stage move before the alias moves it caused
        guard !all.isEmpty else { return [("  still in \(version.stage), where it was registered", .muted)] }
        return all.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map { _, entry in
            let (at, what, request, reason) = entry
            return ("  \(at.iso8601) \(what)\(request.map { " (\($0))" } ?? ""): \(reason)", .normal)
        }
    }

    /// Each request for the version with its status, approvals so far and how it closed.
    private static func requests(of ref: VersionRef, in state: BoardState, now: Instant) -> [(String, StyleRole)] {
        let requests = state.requests.values.filter { $0.version == ref }.sorted { IdNumber($0.id) < IdNumber($1.id) }
        guard !requests.isEmpty else { return [("  none; p requests a promotion", .muted)] }
        var lines: [(String, StyleRole)] = []
        for request in requests {
            let needed = state.config.approvalsRequired(for: request.toStage)
            let move = request.alias == nil ? "\(request.fromStage) → \(request.toStage)" : "→ \(request.target)"
            lines.append(("  \(request.id) \(move) · \(request.status.rawValue) · \(state.countedApprovers(of: request).count) of \(needed) approvals · requested by \(request.requestedBy) \(Dashboard.ago(from: request.requestedAt, to: now)) ago: \(request.reason)",
                          request.isOpen ? .badge : .normal))
            for approval in request.approvals {
                let comment = approval.comment.map { ": \($0)" } ?? ""
                let override = approval.overrideReason.map { " · OVERRIDE: \($0)" } ?? ""
                let signature = approval.signature.map { " · " + SignatureBadge.text($0) } ?? ""
                let bad = approval.signature?.isBad == true
                lines.append(("    \(bad ? "✗" : "✓") \(approval.by) \(approval.at.iso8601)\(signature)\(comment)\(override)", bad ? .error : .pass))
            }
            // An approved request says so in its status; the others say who closed them and why.
            if !request.isOpen, request.status != .approved || request.closingComment != nil, let by = request.closedBy {
                lines.append(("    \(request.status.rawValue) by \(by)\(request.closingComment.map { ": \($0)" } ?? "")", .muted))
            }
        }
        return lines
    }
}
