import BoardCore

/// The items keys act on: the one an open detail shows, else the one under the cursor.
extension PaneContext {
    var selectedProject: Project? {
        if case .projectDetail(let slug) = ui.detail { return state.projects[slug] }
        return rows.projects[safe: ui.selected(.projects)].flatMap { state.projects[$0.slug] }
    }

    /// The version of the open detail, else the card under the cursor.
    var selectedVersion: ModelVersion? {
        if case .versionDetail(let ref) = ui.detail { return state.versions[ref] }
        return rows.versionsByStage[safe: ui.modelsColumn]?.versions[safe: ui.modelsRow[ui.modelsColumn] ?? 0]
    }

    var selectedChallenge: Challenge? {
        if case .challengeDetail(let id) = ui.detail { return state.challenges[id] }
        return rows.challenges[safe: ui.selected(.challenges)]
    }

    var reviewedOrSelectedRequest: PromotionRequest? {
        for overlay in ui.overlays.reversed() {
            if case .review(let id) = overlay { return state.requests[id] }
        }
        guard ui.pane == .approvals else { return nil }
        return rows.requests[safe: ui.selected(.approvals)]
    }

    /// The project the RACI matrix shows: the one chosen, while it is live, else the first.
    var matrixProjectSlug: String? {
        if let slug = ui.matrixProject, state.projects[slug]?.archived == false { return slug }
        return rows.firstLiveProject
    }

    /// Stakeholders shown as matrix columns: active ones, by name.
    var matrixPeople: [Stakeholder] { rows.matrixPeople }

    /// Why you may not approve (or reject) `request`, from the rules' own first checks, or nil:
    /// asked before a form or a question opens, so nobody types a comment only to be told no.
    /// Gates are left to the form: a failing gate can still be passed with a written override.
    func refusal(toDecide request: PromotionRequest, rejecting: Bool) -> RuleViolation? {
        refusalToDecide(request: request.id, rejecting: rejecting, state: state, actor: actor, now: now)
    }
}
