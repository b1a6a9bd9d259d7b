import BoardCore

/// The rows each list pane shows, filtered and sorted, and the figures beside them. Each is
/// derived once and kept in `cache` until what it is derived from changes: the parts of the
/// state it reads, the filter, the sort, who is looking. A frame then only draws what it shows.
struct PaneRows {
    let state: BoardState
    let ui: UIState
    let me: String
    let now: Instant
    /// The dashboard's cache; without one (as in tests) every value is derived afresh.
    var cache: RowCache?

    private var memo: RowCache { cache ?? RowCache(config: state.config) }

    func matches(_ filter: String, _ fields: String...) -> Bool {
        filter.isEmpty || fields.contains { $0.localizedCaseInsensitiveContains(filter) }
    }

    private func filterText(_ pane: Pane) -> String { ui.filters[pane] ?? "" }

    /// Live projects, filtered and sorted. `daysOverdue` is as of when the list was derived:
    /// ask `state.daysOverdue(_:now:)` for the moment a row is drawn.
    var projects: [ProjectSummary] {
        let memo = self.memo
        // A change to a project alone (its step, say) keeps the tallies of everything else.
        let tallies = memo.tallies.get(DerivedFrom(parts: [
            SameStorage(state.models), SameStorage(state.versions), SameStorage(state.challenges), SameStorage(state.requests),
        ])) { SummaryTallies(of: state) }
        let summaries = memo.summaries.get(DerivedFrom(parts: [SameStorage(state.projects)], numbers: [memo.tallies.generation])) {
            state.liveSummaries(now: now, tallies: tallies)
        }
        let filter = filterText(.projects)
        return memo.projects.get(DerivedFrom(parts: [], texts: [filter], numbers: [memo.summaries.generation, ui.projectSort.rawValue])) {
            let shown = filter.isEmpty ? summaries
                : summaries.filter { matches(filter, $0.name, $0.slug, $0.goal, $0.step, $0.status.rawValue) }
            let keys = shown.map { memo.nameKeys.of(slug: $0.slug, name: $0.name) }
            switch ui.projectSort {
            case .name: return SortKey.order(shown) { keys[$0].caseless < keys[$1].caseless }
            case .step: return SortKey.order(shown) { (shown[$0].stepNumber, keys[$0].exact) < (shown[$1].stepNumber, keys[$1].exact) }
            case .challenges:
                let open = shown.map(\.openChallenges)
                return SortKey.order(shown) { (open[$1], keys[$0].exact) < (open[$0], keys[$1].exact) }
            case .pending:
                return SortKey.order(shown) {
                    (shown[$1].pendingRequests, keys[$0].exact) < (shown[$0].pendingRequests, keys[$1].exact)
                }
            }
        }
    }

    var stakeholders: [Stakeholder] {
        let filter = filterText(.team)
        return memo.stakeholders.get(DerivedFrom(parts: [SameStorage(state.stakeholders)], texts: [filter])) {
            state.stakeholders.values
                .filter { matches(filter, $0.name, $0.handle, $0.role) }
                .map { (($0.active ? 0 : 1, SortKey(caseless: $0.name)), $0) }
                .sorted { $0.0 < $1.0 }
                .map(\.1)
        }
    }

    /// How many assignments each stakeholder has, by handle.
    var assignmentCounts: [String: Int] {
        memo.assignmentCounts.get(DerivedFrom(parts: [SameStorage(state.assignments)])) {
            var counts: [String: Int] = [:]
            for assignment in state.assignments.values { counts[assignment.stakeholder, default: 0] += 1 }
            return counts
        }
    }

    /// The live project with the first slug: the RACI matrix shows it until another is chosen.
    var firstLiveProject: String? {
        memo.matrixProject.get(DerivedFrom(parts: [SameStorage(state.projects)])) {
            var first: String?
            for (slug, project) in state.projects where !project.archived && first.map({ slug < $0 }) ?? true { first = slug }
            return first
        }
    }

    /// Stakeholders shown as matrix columns: active ones, by name.
    var matrixPeople: [Stakeholder] {
        memo.matrixPeople.get(DerivedFrom(parts: [SameStorage(state.stakeholders)])) {
            state.stakeholders.values.filter(\.active).map { (SortKey(caseless: $0.name), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// Versions per stage column, for the model board.
    var versionsByStage: [(stage: String, versions: [ModelVersion])] {
        let filter = filterText(.models)
        return memo.versionsByStage.get(DerivedFrom(parts: [SameStorage(state.versions), SameStorage(state.models)], texts: [filter])) {
            let visible = state.versions.values.filter { version in
                let project = state.models[version.ref.model]?.project ?? ""
                return matches(filter, version.ref.model, project, version.source)
            }
            let byStage = Dictionary(grouping: visible, by: \.stage)
            return state.config.stages.map { stage in
                (stage, (byStage[stage] ?? []).sorted { ($0.ref.model, $1.ref.number) < ($1.ref.model, $0.ref.number) })
            }
        }
    }

    /// Open requests of each version, by id.
    var openRequestsByVersion: [VersionRef: [PromotionRequest]] {
        memo.openRequestsByVersion.get(DerivedFrom(parts: [SameStorage(state.requests)])) {
            Dictionary(grouping: state.requests.values.filter(\.isOpen), by: \.version).mapValues { $0.sorted { $0.id < $1.id } }
        }
    }

    var challenges: [Challenge] {
        let filter = filterText(.challenges)
        return memo.challenges.get(DerivedFrom(parts: [SameStorage(state.challenges)], texts: [filter])) {
            state.challenges.values
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
    }

    /// Open challenges per category, most first.
    var openChallengesByCategory: [(label: String, value: Int)] {
        memo.openChallengesByCategory.get(DerivedFrom(parts: [SameStorage(state.challenges)])) {
            state.openChallengesByCategory.map { (label: $0.category, value: $0.count) }.sorted { $0.value > $1.value }
        }
    }

    var openChallengesBySeverity: [Severity: Int] {
        memo.openChallengesBySeverity.get(DerivedFrom(parts: [SameStorage(state.challenges)])) { state.openChallengesBySeverity }
    }

    /// Open challenges that block production, by project.
    var blockers: [String: [Challenge]] {
        memo.blockers.get(DerivedFrom(parts: [SameStorage(state.challenges)])) { Gates.blockingChallenges(in: state) }
    }

    /// Open requests `me` may act on.
    var awaiting: Awaiting {
        memo.awaiting.get(DerivedFrom(parts: [SameStorage(state.requests), SameStorage(state.stakeholders)], texts: [me])) {
            let requests = state.requestsAwaiting(me)
            return Awaiting(requests: requests, ids: Set(requests.map(\.id)))
        }
    }

    /// Open requests, the ones `me` may act on first.
    var requests: [PromotionRequest] {
        let filter = filterText(.approvals)
        let mine = awaiting.ids
        return memo.requests.get(DerivedFrom(parts: [], texts: [filter], numbers: [memo.awaiting.generation])) {
            state.openRequests
                .filter { matches(filter, $0.id, $0.version.description, $0.toStage, $0.requestedBy, $0.reason) }
                .map { ((mine.contains($0.id) ? 0 : 1, IdNumber($0.id)), $0) }
                .sorted { $0.0 < $1.0 }
                .map(\.1)
        }
    }

    /// Open requests `me` may not act on, by id.
    var othersOpenRequests: [PromotionRequest] {
        let mine = awaiting.ids
        return memo.othersOpenRequests.get(DerivedFrom(parts: [], numbers: [memo.awaiting.generation])) {
            state.openRequests.filter { !mine.contains($0.id) }
        }
    }

    var activity: [ActivityEntry] {
        let filter = filterText(.activity)
        return memo.activity.get(DerivedFrom(parts: [SameStorage(state.activity)], texts: [filter])) {
            state.activityFeed(limit: BoardState.activityLimit).filter { matches(filter, $0.actor, $0.summary) }
        }
    }

    /// Live projects per lifecycle step, in lifecycle order.
    var projectsPerStep: [(label: String, value: Int)] {
        memo.projectsPerStep.get(DerivedFrom(parts: [SameStorage(state.projects)])) {
            var perStep: [String: Int] = [:]
            for project in state.projects.values where !project.archived { perStep[project.step, default: 0] += 1 }
            return state.config.lifecycleSteps.map { (label: $0, value: perStep[$0] ?? 0) }
        }
    }

    /// As `state.productionShare`, with the models that have a production version kept while
    /// versions stay the same (a change to a project then costs one pass over models).
    var productionShare: (inProduction: Int, total: Int) {
        let memo = self.memo
        let production = state.config.policy.productionStage
        let inProduction = memo.modelsInProduction.get(DerivedFrom(parts: [SameStorage(state.versions)])) {
            Set(state.versions.values.lazy.filter { $0.stage == production }.map(\.ref.model))
        }
        return memo.productionShare.get(DerivedFrom(
            parts: [SameStorage(state.projects), SameStorage(state.models)], numbers: [memo.modelsInProduction.generation]
        )) {
            var live = 0, withProduction = 0
            for model in state.models.values where state.projects[model.project]?.archived == false {
                live += 1
                if inProduction.contains(model.slug) { withProduction += 1 }
            }
            return (withProduction, live)
        }
    }

    /// Slugs of the projects overdue for retraining now.
    var overdueProjects: [String] {
        memo.retrainDue.get(DerivedFrom(parts: [SameStorage(state.projects)])) {
            var cadenceDays: [String: Int] = [:]
            for cadence in state.config.retrainingCadences.reversed() { cadenceDays[cadence.name] = cadence.days }
            var dues: [(at: Instant, slug: String)] = []
            for project in state.projects.values where !project.archived && project.status == .active {
                guard let name = project.cadence, let days = cadenceDays[name] else { continue }
                dues.append((project.lastRetrainAt.adding(days: days), project.slug))
            }
            return RetrainDue(dues: dues.sorted { $0.at < $1.at })
        }.overdue(at: now)
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
