import BoardCore

/// Sortable, filterable project list.
enum ProjectsPane {
    static func draw(_ context: PaneContext, in rect: Rect, into buffer: inout CellBuffer) {
        let projects = context.rows.projects
        let production = context.state.config.policy.productionStage
        let inner = Box.draw("Projects (\(projects.count)) · sorted by \(context.ui.projectSort.title)", in: rect, into: &buffer)
        let narrow = inner.width < 110
        let columns: [Column] = [
            .flexible("Name", minimum: 16), .fixed("Goal", narrow ? 12 : 22), .fixed("Step", narrow ? 16 : 24), .fixed("Status", narrow ? 7 : 9),
            .fixed("Prod", 4, right: true), .fixed("Chal", 4, right: true), .fixed("Pend", 4, right: true),
        ]
        Table.draw(columns: columns, count: projects.count, selected: context.ui.selected(.projects), in: inner, into: &buffer,
                   emptyText: "no projects match; Esc clears the filter, n creates one") { index in
            let summary = projects[index]
            let overdue = isOverdue(summary.slug, context) ? " ⟳" : ""
            return [
                TableCell(summary.name + overdue), TableCell(summary.goal, .muted),
                TableCell("\(summary.stepNumber)/\(summary.stepCount) \(summary.step)"), TableCell(summary.status.rawValue),
                TableCell("\(summary.versionsByStage[production] ?? 0)", .stageProduction),
                TableCell("\(summary.openChallenges)", (summary.openChallengesBySeverity[.critical] ?? 0) > 0 ? .severityCritical : .normal),
                TableCell("\(summary.pendingRequests)", summary.pendingRequests > 0 ? .badge : .normal),
            ]
        }
    }

    /// Asked at draw time: the row list is kept between frames, the clock moves on.
    private static func isOverdue(_ slug: String, _ context: PaneContext) -> Bool {
        context.state.projects[slug].flatMap { context.state.daysOverdue($0, now: context.now) } != nil
    }
}
