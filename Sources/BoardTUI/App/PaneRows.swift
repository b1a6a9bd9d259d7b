import BoardCore

/// The rows each list pane shows, filtered and sorted, computed from state each frame.
struct PaneRows {
    let state: BoardState
    let ui: UIState
    let me: String
    let now: Instant

    func matches(_ filter: String, _ fields: String...) -> Bool {
        filter.isEmpty || fields.contains { $0.localizedCaseInsensitiveContains(filter) }
    }

    var projects: [ProjectSummary] {
        let filter = ui.filters[.projects] ?? ""
        let summaries = state.liveSummaries(now: now)
            .filter { matches(filter, $0.name, $0.slug, $0.goal, $0.step, $0.status.rawValue) }
        switch ui.projectSort {
        case .name:
            // Lower-casing once per row, not once per comparison: this list may hold thousands.
            return summaries.map { ($0.name.lowercased(), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        case .step: return summaries.sorted { ($0.stepNumber, $0.name) < ($1.stepNumber, $1.name) }
        case .challenges: return summaries.sorted { ($1.openChallenges, $0.name) < ($0.openChallenges, $1.name) }
        case .pending: return summaries.sorted { ($1.pendingRequests, $0.name) < ($0.pendingRequests, $1.name) }
        }
    }

    var stakeholders: [Stakeholder] {
        let filter = ui.filters[.team] ?? ""
        return state.stakeholders.values
            .filter { matches(filter, $0.name, $0.handle, $0.role) }
            .sorted { ($0.active ? 0 : 1, $0.name.lowercased()) < ($1.active ? 0 : 1, $1.name.lowercased()) }
    }

    /// Versions per stage column, for the model board.
    var versionsByStage: [(stage: String, versions: [ModelVersion])] {
        let filter = ui.filters[.models] ?? ""
        let visible = state.versions.values.filter { version in
            let project = state.models[version.ref.model]?.project ?? ""
            return matches(filter, version.ref.model, project, version.source)
        }
        return state.config.stages.map { stage in
            (stage, visible.filter { $0.stage == stage }.sorted { ($0.ref.model, $1.ref.number) < ($1.ref.model, $0.ref.number) })
        }
    }

    var challenges: [Challenge] {
        let filter = ui.filters[.challenges] ?? ""
        return state.challenges.values
            .filter {
                matches(filter, $0.title, $0.id, $0.category, $0.project ?? "org-wide", $0.severity.rawValue,
                        $0.status.rawValue, $0.owner ?? "")
            }
            .map { challenge in
                ((challenge.status.isOpen ? 0 : 1, 3 - Severity.allCases.firstIndex(of: challenge.severity)!, IdNumber(challenge.id)), challenge)
            }
            .sorted { $0.0 < $1.0 }
            .map(\.1)
    }

    /// Open requests, the ones `me` may act on first.
    var requests: [PromotionRequest] {
        let filter = ui.filters[.approvals] ?? ""
        let mine = Set(state.requestsAwaiting(me).map(\.id))
        return state.openRequests
            .filter { matches(filter, $0.id, $0.version.description, $0.toStage, $0.requestedBy, $0.reason) }
            .map { ((mine.contains($0.id) ? 0 : 1, IdNumber($0.id)), $0) }
            .sorted { $0.0 < $1.0 }
            .map(\.1)
    }

    var activity: [ActivityEntry] {
        let filter = ui.filters[.activity] ?? ""
        return state.activityFeed(limit: BoardState.activityLimit).filter { matches(filter, $0.actor, $0.summary) }
    }

    func rowCount(_ pane: Pane) -> Int {
        switch pane {
        case .overview: 0
        case .projects: projects.count
        case .team: stakeholders.count
        case .models: versionsByStage[safe: ui.modelsColumn]?.versions.count ?? 0
        case .challenges: challenges.count
        case .approvals: requests.count
        case .activity: activity.count
        }
    }
}

/// The number in "PR-12", for ordering.
func IdNumber(_ id: String) -> Int { Int(id.split(separator: "-").last ?? "") ?? 0 }

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
