/// The rules' questions about parts of whole collections. With a `StateIndex` each costs what
/// the answer holds; without one, a scan of the state (fine for one command, quadratic for a
/// script of thousands).
extension Decider {
    func modelSlugs(of project: String) -> Set<String> {
        if let index { return index.modelSlugs(of: project, in: state) }
        return Set(state.models.values.filter { $0.project == project }.map(\.slug))
    }

    func versions(of model: String) -> [ModelVersion] {
        index?.versions(of: model, in: state) ?? state.versions(of: model)
    }

    /// Open requests for any of `refs`, by id.
    func openRequests(for refs: Set<VersionRef>) -> [PromotionRequest] {
        if let index { return index.openRequests(for: refs, in: state) }
        return state.requests.values.filter { $0.isOpen && refs.contains($0.version) }.sorted { $0.id < $1.id }
    }

    /// Open requests on the versions of any model of `project`, by id.
    func openRequests(ofProject project: String) -> [PromotionRequest] {
        let models = modelSlugs(of: project)
        if let index {
            let refs = models.flatMap { index.versions(of: $0, in: state).map(\.ref) }
            return index.openRequests(for: refs, in: state)
        }
        return state.requests.values.filter { $0.isOpen && models.contains($0.version.model) }.sorted { $0.id < $1.id }
    }

    /// The gates `version` fails on its way into `stage`.
    func gateFailures(for version: ModelVersion, entering stage: String) -> [String] {
        guard let index, let project = state.models[version.ref.model]?.project else {
            return Gates.failures(for: version, entering: stage, in: state)
        }
        let blockers = [project: index.blockingChallenges(of: project, in: state)]
        return Gates.failures(for: version, entering: stage, in: state, blockers: blockers)
    }

    /// Whoever other than `handle` is Accountable for `step` of `project`.
    func otherAccountable(for step: String, of project: String, than handle: String) -> Assignment? {
        if let index {
            return index.assignments(to: step, of: project, in: state).first { $0.raci == .accountable && $0.stakeholder != handle }
        }
        return state.assignments.values.first {
            $0.project == project && $0.step == step && $0.raci == .accountable && $0.stakeholder != handle
        }
    }
}
