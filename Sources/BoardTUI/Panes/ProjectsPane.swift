import BoardCore

/// Sortable, filterable project list.
struct ProjectsPane: DashboardPane {
    let pane = Pane.projects
    let title = "Projects"
    let scope = KeyScope.projects

    let bindings: [KeyMap.Binding] = [
        .init([.character("s")], .sort, .projects, "cycle the sort column", hint: true),
        .init([.character("n")], .newItem, .projects, "new project", hint: true),
        .init([.character("c")], .comment, .projects, "comment on the project", hint: true),
        .init([.character("e")], .edit, .projects, "edit the project", hint: true),
        .init([.character("A")], .archive, .projects, "archive the project (asks first)"),
        .init([.character("v")], .toggleArchived, .projects, "archived projects (list them, or the live ones again)", hint: true),
        .init([.character("R")], .restore, .projects, "restore the archived project (asks first)"),
        // In its detail: the project it shows.
        .init([.character("e")], .edit, .projectDetail, "edit this project", hint: true),
        .init([.character("c")], .comment, .projectDetail, "comment on this project", hint: true),
        .init([.character("A")], .archive, .projectDetail, "archive this project (asks first)"),
        .init([.character("R")], .restore, .projectDetail, "restore this archived project (asks first)"),
    ]

    func list(_ context: PaneContext) -> PaneList? { PaneList(context.rows.projects, id: \.slug, fields: SearchFields.of) }
    func clickableTable(in body: Rect) -> Rect? { body }

    func draw(_ context: PaneContext, in rect: Rect, into buffer: inout CellBuffer) {
        let projects = context.rows.projects
        let production = context.state.config.policy.productionStage
        let archived = context.ui.showArchivedProjects
        let title = archived ? "Archived projects (\(projects.count)) · R restores, v lists the live ones" : "Projects (\(projects.count))"
        let inner = Box.draw("\(title) · sorted by \(context.ui.projectSort.title)", in: rect, into: &buffer)
        let columns: [Column] = [
            Column("Name", minimum: 16, natural: 26, priority: 100), Column("Goal", minimum: 10, natural: 22, priority: 40),
            Column("Step", minimum: 12, natural: 24, priority: 70), .fixed("Status", 9, priority: 60),
            .fixed("Prod", 4, priority: 50, right: true), .fixed("Chal", 4, priority: 55, right: true),
            .fixed("Pend", 4, priority: 58, right: true),
        ]
        Table.draw(columns: columns, count: projects.count, selected: context.ui.selected(.projects), in: inner, into: &buffer,
                   emptyText: archived ? "no archived projects match; v lists the live ones" : "no projects match; Esc clears the filter, n creates one") { index in
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
    private func isOverdue(_ slug: String, _ context: PaneContext) -> Bool {
        context.state.projects[slug].flatMap { context.state.daysOverdue($0, now: context.now) } != nil
    }
}
