import BoardCore

/// The review of one promotion request: reason, metrics against thresholds, gates, the
/// model's stage history, open challenges, approvals so far, comments.
enum ReviewOverlay {
    static func draw(_ context: PaneContext, requestID: String, in rect: Rect, into buffer: inout CellBuffer) -> DetailScroll {
        let state = context.state
        guard let request = state.requests[requestID] else { return DetailScroll() }
        let inner = Panel.open("Review \(request.id): \(request.version) \(request.moveText)",
                               width: rect.width - 4, height: rect.height, in: rect, into: &buffer)
        let model = state.models[request.version.model]
        let version = state.versions[request.version]
        let needed = state.config.approvalsRequired(for: request.toStage)
        var lines: [(String, StyleRole)] = [
            ("Status: \(request.status.rawValue) · requested by \(request.requestedBy) \(Dashboard.ago(from: request.requestedAt, to: context.now)) ago", request.isOpen ? .normal : .warning),
            ("Reason: \(request.reason)", .normal),
            ("Source: \(version?.source ?? "?") · project \(model?.project ?? "?")", .muted),
            ("", .normal), ("Metrics against thresholds", .header),
        ]
        lines += GateLines.metrics(of: version, model: model)
        let failures = version.map { Gates.failures(for: $0, entering: request.toStage, in: state) } ?? []
        lines.append(("", .normal))
        lines += GateLines.gates(failures, failing: "approving needs an override reason")
        lines.append(("", .normal))
        let counted = state.countedApprovers(of: request)
        lines.append(("Approvals: \(counted.count) of \(needed)", .header))
        for approval in request.approvals {
            let override = approval.overrideReason.map { " · OVERRIDE: \($0)" } ?? ""
            let counts = counted.contains(approval.by)
            let signature = approval.signature.map { " · " + SignatureBadge.text($0) } ?? ""
            let said = approval.comment.map { ": \($0)" } ?? ""
            lines.append(("  \(counts ? "✓" : "✗") \(approval.by) \(Dashboard.ago(from: approval.at, to: context.now)) ago\(signature)\(said)\(override)"
                + (counts ? "" : " (not counted)"), counts ? .pass : .error))
        }
        lines.append(("", .normal))
        lines.append(("Stage history of \(request.version.model)", .header))
        for move in state.stageHistory(of: request.version.model).suffix(6) {
            lines.append(("  \(move.at.iso8601) v\(move.version.number) \(move.from) → \(move.to) by \(move.by): \(move.reason)", .muted))
        }
        let challenges = state.challenges.values.filter { $0.project == model?.project && $0.status.isOpen }.sorted { $0.severity > $1.severity }
        lines.append(("", .normal))
        lines.append(("Open challenges of \(model?.project ?? "?"): \(challenges.count)", .header))
        for challenge in challenges.prefix(5) {
            lines.append(("  \(challenge.id) \(challenge.severity.rawValue): \(challenge.title)", PaneContext.severityStyle(challenge.severity)))
        }
        let comments = state.comments(on: .request(request.id))
        if !comments.isEmpty {
            lines.append(("", .normal))
            lines.append(("Comments", .header))
            for comment in comments { lines.append(("  \(comment.author): \(comment.body)", .normal)) }
        }
        return Panel.scrolledLines(lines, scroll: context.ui.detailScroll, in: inner, into: &buffer)
    }
}
