/// Where to look, by owner, for what the rules would otherwise find by scanning whole
/// collections of a `BoardState`: the models of a project, the versions of a model, the
/// requests of a version, the challenges of a project, the people on a step of a project.
///
/// Kept beside the state, not in it (the state is what the journal and snapshots encode), by a
/// caller that decides many commands in a row: build it once with `init(of:)`, then `note` each
/// applied event. It only ever grows and holds candidates: every read checks them against the
/// state, so an entity that changed or went away since it was noted is simply not returned,
/// and the answers are the ones a scan of the state would give.
public struct StateIndex: Sendable {
    private var modelsByProject: [String: Set<String>] = [:]
    private var versionsByModel: [String: Set<Int>] = [:]
    private var requestsByVersion: [VersionRef: Set<String>] = [:]
    private var challengesByProject: [String: Set<String>] = [:]
    private var peopleByStep: [ProjectStep: Set<String>] = [:]

    private struct ProjectStep: Hashable, Sendable {
        var project: String
        var step: String
    }

    public init() {}

    /// Indexes everything already in `state`.
    public init(of state: BoardState) {
        for model in state.models.values { modelsByProject[model.project, default: []].insert(model.slug) }
        for ref in state.versions.keys { versionsByModel[ref.model, default: []].insert(ref.number) }
        for request in state.requests.values { requestsByVersion[request.version, default: []].insert(request.id) }
        for challenge in state.challenges.values {
            if let project = challenge.project { challengesByProject[project, default: []].insert(challenge.id) }
        }
        for key in state.assignments.keys {
            peopleByStep[ProjectStep(project: key.project, step: key.step), default: []].insert(key.stakeholder)
        }
    }

    /// Takes note of an event that was (or is about to be) applied to the state.
    public mutating func note(_ event: Event) {
        switch event {
        case .modelRegistered(let model): modelsByProject[model.project, default: []].insert(model.slug)
        case .versionRegistered(let version): versionsByModel[version.ref.model, default: []].insert(version.ref.number)
        case .promotionRequested(let request): requestsByVersion[request.version, default: []].insert(request.id)
        case .challengeOpened(let challenge):
            if let project = challenge.project { challengesByProject[project, default: []].insert(challenge.id) }
        case .assigned(let assignment):
            peopleByStep[ProjectStep(project: assignment.project, step: assignment.step), default: []].insert(assignment.stakeholder)
        default: break
        }
    }

    // MARK: Reads, each the same answer as the matching scan of `state`

    /// Slugs of the models of `project`, as `state.models.values.filter { $0.project == project }`.
    public func modelSlugs(of project: String, in state: BoardState) -> Set<String> {
        (modelsByProject[project] ?? []).filter { state.models[$0]?.project == project }
    }

    /// The versions of `model` by number, as `state.versions(of:)`.
    public func versions(of model: String, in state: BoardState) -> [ModelVersion] {
        (versionsByModel[model] ?? []).sorted().compactMap { state.versions[VersionRef(model: model, number: $0)] }
    }

    /// Open requests for any of `refs`, by id, as a filter of `state.requests` on `isOpen` and version.
    public func openRequests(for refs: some Sequence<VersionRef>, in state: BoardState) -> [PromotionRequest] {
        var found: [PromotionRequest] = []
        for ref in Set(refs) {
            for id in requestsByVersion[ref] ?? [] {
                if let request = state.requests[id], request.isOpen, request.version == ref { found.append(request) }
            }
        }
        return found.sorted { $0.id < $1.id }
    }

    /// Open challenges on `project` at or above the policy's blocking severity, as
    /// `Gates.blockingChallenges(in:)[project]` (possibly in another order).
    public func blockingChallenges(of project: String, in state: BoardState) -> [Challenge] {
        let blocking = state.config.policy.blockingSeverity
        return (challengesByProject[project] ?? []).compactMap { state.challenges[$0] }
            .filter { $0.project == project && $0.status.isOpen && $0.severity >= blocking }
    }

    /// Everyone assigned to `step` of `project` in any part, by handle.
    public func assignments(to step: String, of project: String, in state: BoardState) -> [Assignment] {
        (peopleByStep[ProjectStep(project: project, step: step)] ?? []).sorted()
            .compactMap { state.assignments[AssignmentKey(project: project, step: step, stakeholder: $0)] }
    }
}
