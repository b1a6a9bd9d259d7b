import BoardCore

/// A project's whole story: description, goal, progress, team per step, models by stage,
/// challenges and comments.
enum ProjectDetailOverlay {
    static func draw(_ context: PaneContext, slug: String, in rect: Rect, into buffer: inout CellBuffer) -> DetailScroll {
        let state = context.state
        guard let project = state.projects[slug], let summary = state.summary(of: slug, now: context.now) else { return DetailScroll() }
        let inner = Panel.open("\(project.name) (\(slug))", width: rect.width - 4, height: rect.height, in: rect, into: &buffer)
        var lines: [(String, StyleRole)] = [
            (project.description.isEmpty ? "(no description)" : project.description, .normal),
            ("Goal: \(project.goal)\(project.otherGoals.isEmpty ? "" : " (+ \(project.otherGoals.joined(separator: ", ")))") · priority: \(project.priorityBasis ?? "-") · cadence: \(project.cadence ?? "-")\(summary.daysOverdue.map { " · retraining overdue by \($0) d" } ?? "")", summary.isOverdue ? .warning : .muted),
            ("\(Bars.progress(done: summary.stepNumber, total: summary.stepCount, width: 22)) step \(summary.stepNumber)/\(summary.stepCount): \(project.step) · \(project.status.rawValue)\(project.archived ? " · ARCHIVED (R restores it)" : "")", .key),
            ("", .normal), ("Team", .header),
        ]
        for (step, members) in state.team(of: slug) {
            lines.append(("  \(step.padded(30)) " + members.map { "\($0.stakeholder) \($0.raci.rawValue)" }.joined(separator: ", "), .normal))
        }
        lines.append(("", .normal))
        lines.append(("Models", .header))
        for model in state.models(of: slug) {
            let versions = state.versions(of: model.slug).map { "v\($0.ref.number) \($0.stage)" }.joined(separator: " · ")
            lines.append(("  \(model.name): \(versions)", .normal))
        }
        lines.append(("", .normal))
        lines.append(("Challenges", .header))
        for challenge in state.challenges.values.filter({ $0.project == slug }).sorted(by: { $0.id < $1.id }) {
            lines.append(("  \(challenge.id) [\(challenge.severity.rawValue), \(challenge.status.rawValue)] \(challenge.title)",
                          challenge.status.isOpen ? PaneContext.severityStyle(challenge.severity) : .muted))
        }
        lines += CommentLines.section(context, on: .project(slug))
        return Panel.scrolledLines(lines, scroll: context.ui.detailScroll, in: inner, into: &buffer)
    }
}

enum ChallengeDetailOverlay {
    static func draw(_ context: PaneContext, id: String, in rect: Rect, into buffer: inout CellBuffer) -> DetailScroll {
        guard let challenge = context.state.challenges[id] else { return DetailScroll() }
        let inner = Panel.open("\(challenge.id): \(challenge.title)", width: 90, height: rect.height - 2, in: rect, into: &buffer)
        var lines: [(String, StyleRole)] = [
            ("\(challenge.severity.rawValue) · \(challenge.status.rawValue) · \(challenge.category)", PaneContext.severityStyle(challenge.severity)),
            ("Project: \(challenge.project ?? "organisation-wide") · owner: \(challenge.owner ?? "-") · opened by \(challenge.openedBy)", .muted),
            ("", .normal), (challenge.description.isEmpty ? "(no description)" : challenge.description, .normal),
        ]
        if let resolution = challenge.resolution { lines += [("", .normal), ("Resolution: \(resolution)", .pass)] }
        lines += CommentLines.section(context, on: .challenge(id))
        return Panel.scrolledLines(lines, scroll: context.ui.detailScroll, in: inner, into: &buffer)
    }
}
