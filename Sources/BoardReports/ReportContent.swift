import BoardCore

/// Works out what the status report says; the renderers only lay it out.
struct ReportContent {
    let state: BoardState
    let now: Instant

    /// How many of the newest decisions each project section lists.
    static let recentDecisionLimit = 10

    func document(onlyProject: String?) -> ReportDocument {
        var blocks: [ReportBlock] = [
            .paragraph("As of \(ReportDates.minute(now)). Workspace: \(state.config.name)."),
        ]
        blocks += organisationBlocks()
        let projects = onlyProject.map { slug in state.projects[slug].map { [$0] } ?? [] } ?? state.liveProjects
        if onlyProject != nil && projects.isEmpty {
            blocks.append(.paragraph("No project '\(onlyProject ?? "")' in this workspace."))
        }
        blocks.append(.heading(level: 2, text: "Projects"))
        for project in projects { blocks += projectBlocks(project) }
        return ReportDocument(title: "Status report: \(state.config.name)", blocks: blocks)
    }

    // MARK: Organisation-wide figures

    private func organisationBlocks() -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(level: 2, text: "Across the organisation")]
        blocks += projectsByStep()
        blocks += productionShare()
        blocks += pendingApprovals()
        blocks += overdueRetraining()
        blocks += challengesByCategory()
        return blocks
    }

    private func projectsByStep() -> [ReportBlock] {
        let live = state.liveProjects
        let rows: [[String]] = state.config.lifecycleSteps.enumerated().compactMap { index, step in
            let here = live.filter { $0.step == step }
            guard !here.isEmpty else { return nil }
            return ["\(index + 1). \(step)", "\(here.count)", here.map(\.slug).joined(separator: ", ")]
        }
        return [
            .heading(level: 3, text: "Projects by lifecycle step"),
            .paragraph("\(live.count) live projects."),
            .table(ReportTable(headers: ["Step", "Projects", "Which"], rows: rows, emptyText: "No live projects.")),
        ]
    }

    private func productionShare() -> [ReportBlock] {
        let share = state.productionShare
        let percent = share.total == 0 ? 0 : (share.inProduction * 100 + share.total / 2) / share.total
        return [
            .heading(level: 3, text: "Models in production"),
            .paragraph("\(share.inProduction) of \(share.total) models (\(percent)%) have a version in production."),
        ]
    }

    private func pendingApprovals() -> [ReportBlock] {
        let open = state.openRequests
        let rows = open.map { request in
            [
                request.id, request.version.description, request.moveText,
                request.requestedBy, "\(state.countedApprovers(of: request).count) of \(state.config.approvalsRequired(for: request.toStage))",
                ReportDates.day(request.requestedAt), "\(now.days(since: request.requestedAt))",
            ]
        }
        let oldest = open.map { now.days(since: $0.requestedAt) }.max()
        let summary = oldest.map { "\(open.count) requests await approval; the oldest has waited \($0) days." }
            ?? "No request awaits approval."
        return [
            .heading(level: 3, text: "Approvals pending"),
            .paragraph(summary),
            .table(ReportTable(
                headers: ["Request", "Version", "Move", "Requested by", "Approvals", "Requested", "Age (days)"],
                rows: rows, emptyText: "None.")),
        ]
    }

    private func overdueRetraining() -> [ReportBlock] {
        let rows = state.overdueProjects(now: now).map { project in
            [project.slug, project.cadence ?? "", ReportDates.day(project.lastRetrainAt),
             "\(state.daysOverdue(project, now: now) ?? 0)"]
        }
        return [
            .heading(level: 3, text: "Overdue retraining"),
            .table(ReportTable(
                headers: ["Project", "Cadence", "Last retrain", "Days overdue"], rows: rows,
                emptyText: "No project is overdue for retraining.")),
        ]
    }

    private func challengesByCategory() -> [ReportBlock] {
        let open = state.openChallenges
        let severities = Severity.allCases.reversed()
        let byCategory = state.openChallengesByCategory
        var rows = byCategory.map { entry in
            let here = open.filter { $0.category == entry.category }
            return [entry.category] + severities.map { severity in "\(here.filter { $0.severity == severity }.count)" }
                + ["\(entry.count)"]
        }
        if !open.isEmpty {
            rows.append(["Total"] + severities.map { severity in "\(open.filter { $0.severity == severity }.count)" }
                + ["\(open.count)"])
        }
        var blocks: [ReportBlock] = [
            .heading(level: 3, text: "Open challenges by category and severity"),
            .table(ReportTable(
                headers: ["Category"] + severities.map(\.rawValue) + ["Total"], rows: rows,
                emptyText: "No open challenges.")),
        ]
        if !byCategory.isEmpty {
            blocks.append(.barChart(byCategory.map { ReportBar(label: $0.category, value: $0.count) }))
        }
        return blocks
    }

    // MARK: Names

    /// "Ada Lovelace (ada)", or the bare handle for someone unknown.
    func person(_ handle: String) -> String {
        state.stakeholders[handle].map { "\($0.name) (\(handle))" } ?? handle
    }
}
