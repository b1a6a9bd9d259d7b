import BoardCore

/// The figures a lead looks at first.
struct OverviewPane: DashboardPane {
    let pane = Pane.overview
    let title = "Overview"
    let scope = KeyScope.overview

    func listArea(in body: Rect, ui: UIState) -> Rect? { nil }

    /// Enter goes to the requests waiting.
    func perform(_ action: Action, ui: inout UIState, context: PaneContext) -> [Effect]? {
        action == .open ? [.showPane(.approvals)] : nil
    }

    func draw(_ context: PaneContext, in rect: Rect, into buffer: inout CellBuffer) {
        let state = context.state
        let (left, right) = rect.splitLeft(rect.width / 2)
        let (stepsBox, figuresBox) = left.splitTop(max(6, left.height * 3 / 5))
        let steps = context.rows.projectsPerStep
        let stepsInner = Box.draw("Projects by lifecycle step", in: stepsBox, into: &buffer)
        Bars.chart(steps, in: stepsInner, into: &buffer, labelWidth: min(26, stepsInner.width / 2))

        let figures = Box.draw("Figures", in: figuresBox, into: &buffer)
        let share = context.rows.productionShare
        let percent = share.total == 0 ? 0 : share.inProduction * 100 / share.total
        let overdue = context.rows.overdueProjects
        let bySeverity = context.rows.openChallengesBySeverity
        var lines: [(String, StyleRole)] = [
            ("Models with a version in production: \(share.inProduction) of \(share.total) (\(percent)%)", .normal),
            ("Overdue retraining: " + (overdue.isEmpty ? "none" : overdue.joined(separator: ", ")),
             overdue.isEmpty ? .normal : .warning),
            ("Open challenges: " + Severity.allCases.reversed().map { "\($0.rawValue) \(bySeverity[$0] ?? 0)" }.joined(separator: " · "),
             (bySeverity[.critical] ?? 0) > 0 ? .severityCritical : .normal),
        ]
        for sync in state.bridgeSyncs.values.sorted(by: { $0.bridge < $1.bridge }) {
            lines.append(("Last \(sync.bridge) sync: \(Dashboard.ago(from: sync.at, to: context.now)) ago by \(sync.by) (\(sync.changes))", .normal))
            lines.append(("  with \(sync.target)", .muted))
        }
        for (index, line) in lines.enumerated() where index < figures.height {
            buffer.write(line.0, x: figures.x, y: figures.y + index, style: line.1, maxWidth: figures.width)
        }

        let (approvalsBox, activityBox) = right.splitTop(right.height / 2)
        let mine = context.rows.awaiting.requests
        let others = context.rows.othersOpenRequests
        let approvals = Box.draw("Pending approvals: \(mine.count) yours, \(others.count) others", in: approvalsBox, into: &buffer)
        let shown = Array(mine.prefix(approvals.height)) + others.prefix(max(0, approvals.height - mine.count))
        for (index, request) in shown.enumerated() {
            let yours = index < mine.count
            let needed = state.config.approvalsRequired(for: request.toStage)
            buffer.write("\(yours ? "▶" : " ") \(request.id) \(request.version) → \(request.target) \(state.countedApprovers(of: request).count)/\(needed)",
                         x: approvals.x, y: approvals.y + index, style: yours ? .key : .normal, maxWidth: approvals.width)
        }
        let activity = Box.draw("Latest activity", in: activityBox, into: &buffer)
        for (index, entry) in state.activityFeed(limit: activity.height).enumerated() {
            let when = Dashboard.ago(from: entry.at, to: context.now)
            buffer.write("\(when.padded(4)) \(entry.actor): \(entry.summary)", x: activity.x, y: activity.y + index, maxWidth: activity.width)
        }
    }
}

extension String {
    func padded(_ width: Int) -> String { DisplayWidth.fit(self, to: width) }
}
