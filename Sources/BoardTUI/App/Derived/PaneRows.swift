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
    /// Activity older than the state keeps, once read from the journal.
    var activityHistory: ActivityHistory?

    var memo: RowCache { cache ?? RowCache(config: state.config) }

    func filterText(_ pane: Pane) -> String { ui.filters[pane] ?? "" }

    var stakeholders: [Stakeholder] {
        let filter = filterText(.team)
        return memo.stakeholders.get(DerivedFrom(parts: [SameStorage(state.stakeholders)], texts: [filter])) {
            state.stakeholders.values
                .filter { SearchFields.match(filter, SearchFields.of($0)) }
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

    /// Stakeholders shown as matrix columns: active ones, by name.
    var matrixPeople: [Stakeholder] {
        memo.matrixPeople.get(DerivedFrom(parts: [SameStorage(state.stakeholders)])) {
            state.stakeholders.values.filter(\.active).map { (SortKey(caseless: $0.name), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// The matrix's column labels in `width` columns: finding each handle's shortest unique
    /// prefix sorts every active person's handle, too slow for every frame of a large team.
    func matrixHeaders(width: Int) -> MatrixHeaders {
        memo.matrixHeaders.get(DerivedFrom(parts: [SameStorage(state.stakeholders)], numbers: [width])) {
            MatrixHeaders(handles: matrixPeople.map(\.handle), width: width)
        }
    }

    /// Versions per stage column, for the model board.
    var versionsByStage: [(stage: String, versions: [ModelVersion])] {
        let filter = filterText(.models)
        return memo.versionsByStage.get(DerivedFrom(parts: [SameStorage(state.versions), SameStorage(state.models)], texts: [filter])) {
            let visible = state.versions.values.filter { version in
                let project = state.models[version.ref.model]?.project ?? ""
                return SearchFields.match(filter, SearchFields.of(version, project: project))
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
                .filter { SearchFields.match(filter, SearchFields.of($0)) }
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
                .filter { SearchFields.match(filter, SearchFields.of($0)) }
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
        let history = activityHistory
        return memo.activity.get(DerivedFrom(parts: [SameStorage(state.activity)], texts: [filter], numbers: [history?.generation ?? 0])) {
            let all = history?.entries(newest: state.activity) ?? state.activityFeed(limit: BoardState.activityLimit)
            return all.filter { SearchFields.match(filter, SearchFields.of($0)) }
        }
    }

}

/// The number in "PR-12", for ordering.
func IdNumber(_ id: String) -> Int { Int(id.split(separator: "-").last ?? "") ?? 0 }

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
