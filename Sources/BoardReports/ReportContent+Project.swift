import BoardCore

/// One project's section of the status report.
extension ReportContent {
    func projectBlocks(_ project: Project) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(level: 3, text: "\(project.name) (\(project.slug))")]
        if !project.description.isEmpty { blocks.append(.paragraph(project.description)) }
        blocks.append(.facts(facts(of: project)))
        blocks += team(of: project)
        blocks += versions(of: project)
        blocks += openChallenges(of: project)
        blocks += decisions(of: project)
        return blocks
    }

    private func facts(of project: Project) -> [ReportFact] {
        let steps = state.config.lifecycleSteps
        let stepNumber = (steps.firstIndex(of: project.step) ?? 0) + 1
        var facts = [
            ReportFact("Goal", project.goal),
            ReportFact("Prioritised by", project.priorityBasis ?? "not recorded"),
            ReportFact("Step", "\(stepNumber) of \(steps.count): \(project.step)"),
            ReportFact("Status", project.archived ? "archived" : project.status.rawValue),
        ]
        if !project.otherGoals.isEmpty { facts.insert(ReportFact("Other goals", project.otherGoals.joined(separator: ", ")), at: 1) }
        if !project.impactAreas.isEmpty { facts.append(ReportFact("Impact measured by", project.impactAreas.joined(separator: ", "))) }
        let last = project.lastRetrainAt == project.createdAt
            ? "not retrained since it was created on \(ReportDates.day(project.createdAt))"
            : "last retrained \(ReportDates.day(project.lastRetrainAt))"
        var retraining = "\(project.cadence ?? "no cadence"), \(last)"
        if let overdue = state.daysOverdue(project, now: now) { retraining += ", overdue by \(overdue) days" }
        facts.append(ReportFact("Retraining", retraining))
        return facts
    }

    private func team(of project: Project) -> [ReportBlock] {
        let rows = state.team(of: project.slug).map { entry in
            [entry.step] + RACI.allCases.map { letter in
                entry.members.filter { $0.raci == letter }.map { person($0.stakeholder) }.joined(separator: ", ")
            }
        }
        return [
            .heading(level: 4, text: "Team"),
            .table(ReportTable(
                headers: ["Step"] + RACI.allCases.map(\.word), rows: rows, emptyText: "Nobody is assigned yet.")),
        ]
    }

    private func versions(of project: Project) -> [ReportBlock] {
        let stageOrder = state.config.stages
        var rows: [[String]] = []
        for model in state.models(of: project.slug) {
            let ordered = state.versions(of: model.slug).sorted {
                let left = stageOrder.firstIndex(of: $0.stage) ?? stageOrder.count
                let right = stageOrder.firstIndex(of: $1.stage) ?? stageOrder.count
                return left == right ? $0.ref.number > $1.ref.number : left < right
            }
            for version in ordered {
                let aliases = model.aliases(of: version.ref.number).map { " @\($0)" }.joined()
                rows.append([model.slug, "v\(version.ref.number)\(aliases)", version.stage, metrics(version, model: model),
                             lineage(version.lineage), ReportDates.day(version.registeredAt)])
            }
        }
        return [
            .heading(level: 4, text: "Versions by stage"),
            .table(ReportTable(
                headers: ["Model", "Version", "Stage", "Metrics", "Lineage", "Registered"], rows: rows,
                emptyText: "No model versions yet.")),
        ]
    }

    /// "run 3f9c1a2e · data set churn-training-v2", without the tags.
    private func lineage(_ lineage: VersionLineage) -> String {
        lineage.fields.map { "\($0.label) \($0.value)" }.joined(separator: " · ")
    }

    /// The key metric first, then the rest by name.
    private func metrics(_ version: ModelVersion, model: MLModel) -> String {
        let names = version.metrics.keys.sorted { left, right in
            left == model.keyMetric ? true : right == model.keyMetric ? false : left < right
        }
        return names.map { "\($0) \(MetricThreshold.format(version.metrics[$0] ?? 0))" }.joined(separator: ", ")
    }

    private func openChallenges(of project: Project) -> [ReportBlock] {
        let rows = state.openChallenges.filter { $0.project == project.slug }.map { challenge in
            [challenge.id, challenge.severity.rawValue, challenge.category, challenge.title,
             challenge.owner.map(person) ?? "nobody", challenge.status.rawValue, ReportDates.day(challenge.openedAt)]
        }
        return [
            .heading(level: 4, text: "Open challenges"),
            .table(ReportTable(
                headers: ["Id", "Severity", "Category", "Title", "Owner", "Status", "Opened"], rows: rows,
                emptyText: "No open challenges.")),
        ]
    }

    private func decisions(of project: Project) -> [ReportBlock] {
        let recent = ReportDecisions.of(project: project.slug, in: state).prefix(Self.recentDecisionLimit)
        let rows = recent.map { [ReportDates.minute($0.at), person($0.by), $0.what] }
        return [
            .heading(level: 4, text: "Recent decisions"),
            .table(ReportTable(headers: ["When", "Who", "What"], rows: rows, emptyText: "No decisions recorded yet.")),
        ]
    }
}
