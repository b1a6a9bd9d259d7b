import BoardCore

/// Turns an export into the commands that rebuild it in an empty workspace, in time order, each
/// made by the person and at the time the export records.
///
/// What the state does not record is chosen here: stakeholders are added by the first active lead
/// at the export's earliest moment; models are registered when their project was created; lead-only
/// acts (assignments, archiving, deactivation) are made by that lead; a challenge reaches its final
/// status and fields in one move at its `updatedAt`, and a project's only retrain is its last.
/// Approvers get the approval rights their recorded decisions needed while history replays, and
/// their final rights at the end.
public struct ExportReplayPlanner {
    let export: ExportDocument
    let file: String

    public init(_ export: ExportDocument, file: String) {
        self.export = export
        self.file = file
    }

    /// A step with the key it is sorted by: time, then kind, then id.
    private struct Timed {
        var at: Instant
        var rank: Int
        var order: Int
        var step: ImportStep
    }

    public func steps() -> [ImportStep] {
        guard let lead = bootstrapLead else { return [] }
        let start = earliest
        var timed: [Timed] = []
        func add(_ at: Instant, _ rank: Int, _ order: Int, _ step: ImportStep) {
            timed.append(Timed(at: at, rank: rank, order: order, step: step))
        }
        let rights = replayRights()
        for (index, person) in orderedStakeholders(lead: lead).enumerated() {
            var added = person
            added.approvalStages = rights[person.handle] ?? person.approvalStages
            add(start, 0, index, step(.addStakeholder(added), lead, start, "stakeholders \(person.handle)", "stakeholders"))
        }
        // Looked up by slug once: scanning every assignment for each project made a large
        // import quadratic.
        let assignments = Dictionary(grouping: export.assignments, by: \.project)
        let projects = Dictionary(export.projects.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, project) in export.projects.enumerated() {
            timed += projectSteps(project, assignments: assignments[project.slug] ?? [], index: index, lead: lead)
        }
        for (index, model) in export.models.enumerated() {
            let project = projects[model.project]
            let at = project?.createdAt ?? start
            add(at, 4, index, step(.registerModel(model), project?.createdBy ?? lead, at, "models \(model.slug)", "models"))
        }
        for version in export.versions {
            let command = Command.registerVersion(model: version.ref.model, metrics: version.metrics, source: version.source,
                                                  lineage: version.lineage)
            add(version.registeredAt, 5, version.ref.number,
                step(command, version.registeredBy, version.registeredAt, "versions \(version.ref)", "versions"))
        }
        for challenge in export.challenges {
            timed += challengeSteps(challenge)
        }
        for request in export.requests {
            timed += requestSteps(request)
        }
        timed += rollbackSteps()
        for comment in export.comments {
            add(comment.at, 11, ExchangeIds.number(comment.id),
                step(.comment(on: comment.target, body: comment.body), comment.author, comment.at,
                     "comments \(comment.id)", "comments"))
        }
        let ordered = timed.sorted { ($0.at, $0.rank, $0.order) < ($1.at, $1.rank, $1.order) }.map(\.step)
        return ordered + closingSteps(lead: lead, rights: rights)
    }

    // MARK: People

    /// The first active lead by handle: added first, so the empty workspace makes them its lead.
    private var bootstrapLead: String? {
        export.stakeholders.filter { $0.isLead && $0.active }.map(\.handle).sorted().first
    }

    private func orderedStakeholders(lead: String) -> [Stakeholder] {
        export.stakeholders.filter { $0.handle == lead } + export.stakeholders.filter { $0.handle != lead }
    }

    /// Approval rights widened by the stages each person approved, rejected or rolled back to.
    private func replayRights() -> [String: [String]] {
        var needed: [String: Set<String>] = [:]
        for request in export.requests {
            for approval in request.approvals { needed[approval.by, default: []].insert(request.toStage) }
            if request.status == .rejected, let by = request.closedBy { needed[by, default: []].insert(request.toStage) }
        }
        for move in export.stageMoves where move.request == nil {
            needed[move.by, default: []].insert(export.workspace.policy.productionStage)
        }
        var rights: [String: [String]] = [:]
        for person in export.stakeholders {
            let extra = (needed[person.handle] ?? []).subtracting(person.approvalStages)
            guard !extra.isEmpty else { continue }
            rights[person.handle] = person.approvalStages + export.workspace.stages.filter(extra.contains)
        }
        return rights
    }

    // MARK: Projects

    private func projectSteps(_ project: Project, assignments: [Assignment], index: Int, lead: String) -> [Timed] {
        let new = NewProject(
            slug: project.slug, name: project.name, description: project.description, goal: project.goal,
            otherGoals: project.otherGoals, priorityBasis: project.priorityBasis, impactAreas: project.impactAreas,
            cadence: project.cadence, step: project.step)
        let place = "projects \(project.slug)"
        var result = [Timed(at: project.createdAt, rank: 1, order: index, step: step(
            .createProject(new), project.createdBy, project.createdAt, place, "projects"))]
        if project.status != .active {
            result.append(Timed(at: project.createdAt, rank: 2, order: index, step: step(
                .setProjectStatus(slug: project.slug, status: project.status), project.createdBy, project.createdAt,
                place + ", status", "project statuses")))
        }
        for (offset, assignment) in assignments.enumerated() {
            result.append(Timed(at: project.createdAt, rank: 3, order: index * 10_000 + offset, step: step(
                .assign(project: project.slug, step: assignment.step, stakeholder: assignment.stakeholder, raci: assignment.raci),
                lead, project.createdAt, "assignments \(project.slug) / \(assignment.step) / \(assignment.stakeholder)",
                "assignments")))
        }
        if project.lastRetrainAt != project.createdAt {
            result.append(Timed(at: project.lastRetrainAt, rank: 12, order: index, step: step(
                .recordRetrain(project: project.slug, note: "imported: last retrain"), project.createdBy,
                project.lastRetrainAt, place + ", last retrain", "retrains")))
        }
        return result
    }

    // MARK: Challenges

    private func challengeSteps(_ challenge: Challenge) -> [Timed] {
        let number = ExchangeIds.number(challenge.id)
        let place = "challenges \(challenge.id)"
        let new = NewChallenge(
            project: challenge.project, category: challenge.category, severity: challenge.severity,
            owner: challenge.owner, title: challenge.title, description: challenge.description)
        var result = [Timed(at: challenge.openedAt, rank: 6, order: number, step: step(
            .openChallenge(new), challenge.openedBy, challenge.openedAt, place, "challenges"))]
        let mover = challenge.owner ?? challenge.openedBy
        if challenge.status != .open {
            result.append(Timed(at: challenge.updatedAt, rank: 10, order: number, step: step(
                .moveChallenge(id: challenge.id, to: challenge.status, note: challenge.resolution), mover,
                challenge.updatedAt, place + ", status \(challenge.status.rawValue)", "challenge moves")))
        } else if challenge.updatedAt != challenge.openedAt {
            // Still open but touched later: an edit that keeps the title gives the same updatedAt.
            result.append(Timed(at: challenge.updatedAt, rank: 10, order: number, step: step(
                .editChallenge(id: challenge.id, ChallengeEdit(title: challenge.title)), mover, challenge.updatedAt,
                place + ", last update", "challenge edits")))
        }
        return result
    }

    // MARK: Promotions

    private func requestSteps(_ request: PromotionRequest) -> [Timed] {
        let number = ExchangeIds.number(request.id)
        let place = "requests \(request.id)"
        let asked: Command = request.alias.map { .requestAliasMove(version: request.version, alias: $0, reason: request.reason) }
            ?? .requestPromotion(version: request.version, to: request.toStage, reason: request.reason)
        var result = [Timed(at: request.requestedAt, rank: 7, order: number, step: step(
            asked,
            request.requestedBy, request.requestedAt, place, "requests"))]
        for approval in request.approvals {
            result.append(Timed(at: approval.at, rank: 8, order: number, step: step(
                .approve(request: request.id, comment: approval.comment, overrideReason: approval.overrideReason),
                approval.by, approval.at, place + ", approval by \(approval.by)", "approvals")))
        }
        if let at = request.closedAt, let by = request.closedBy {
            switch request.status {
            case .rejected:
                result.append(Timed(at: at, rank: 8, order: number, step: step(
                    .reject(request: request.id, comment: request.closingComment ?? ""), by, at,
                    place + ", rejection by \(by)", "rejections")))
            case .withdrawn:
                result.append(Timed(at: at, rank: 8, order: number, step: step(
                    .withdraw(request: request.id), by, at, place + ", withdrawal by \(by)", "withdrawals")))
            case .open, .approved, .superseded:
                break  // approval and superseding follow from the approvals and rollbacks themselves
            }
        }
        return result
    }

    /// Stage moves without a request are rollbacks: one command moved all of a model's at once.
    private func rollbackSteps() -> [Timed] {
        let production = export.workspace.policy.productionStage
        var result: [Timed] = []
        for (index, move) in export.stageMoves.enumerated() where move.request == nil && move.to == production {
            let prefix = "rollback: "
            let reason = move.reason.hasPrefix(prefix) ? String(move.reason.dropFirst(prefix.count)) : move.reason
            result.append(Timed(at: move.at, rank: 9, order: index, step: step(
                .rollback(model: move.version.model, reason: reason), move.by, move.at,
                "stageMoves[\(index)] rollback of \(move.version.model)", "rollbacks")))
        }
        return result
    }

    // MARK: The end

    /// Final approval rights, deactivations and archiving, after all history.
    private func closingSteps(lead: String, rights: [String: [String]]) -> [ImportStep] {
        let end = latest
        var result: [ImportStep] = []
        for person in export.stakeholders where rights[person.handle] != nil {
            result.append(step(.setApprovalRights(handle: person.handle, stages: person.approvalStages), lead, end,
                               "stakeholders \(person.handle), approval rights", "approval rights"))
        }
        for person in export.stakeholders where !person.active {
            result.append(step(.deactivateStakeholder(handle: person.handle), lead, end,
                               "stakeholders \(person.handle), deactivation", "deactivations"))
        }
        for project in export.projects where project.archived {
            result.append(step(.archiveProject(slug: project.slug), lead, end, "projects \(project.slug), archiving", "archived projects"))
        }
        return result
    }

    // MARK: Times

    private var allTimes: [Instant] {
        export.projects.flatMap { [$0.createdAt, $0.lastRetrainAt] } + export.versions.map(\.registeredAt)
            + export.requests.flatMap { [$0.requestedAt] + $0.approvals.map(\.at) + [$0.closedAt].compactMap { $0 } }
            + export.challenges.flatMap { [$0.openedAt, $0.updatedAt] } + export.comments.map(\.at) + export.stageMoves.map(\.at)
    }

    private var earliest: Instant { allTimes.min() ?? Instant(millis: 0) }
    private var latest: Instant { allTimes.max() ?? Instant(millis: 0) }

    private func step(_ command: Command, _ actor: String, _ at: Instant, _ place: String, _ counts: String) -> ImportStep {
        ImportStep(command, by: actor, at: at, origin: ImportOrigin(file: file, place: place), counts: counts)
    }
}
