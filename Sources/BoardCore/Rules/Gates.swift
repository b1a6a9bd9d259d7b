/// What must hold before a version may enter a stage. Only the production stage has gates.
public enum Gates {
    /// Each failing gate as a sentence; empty when every gate holds.
    public static func failures(for version: ModelVersion, entering stage: String, in state: BoardState) -> [String] {
        failures(for: version, entering: stage, in: state, blockers: blockingChallenges(in: state))
    }

    /// Open challenges severe enough to block production, by project: compute once when
    /// checking many versions.
    public static func blockingChallenges(in state: BoardState) -> [String: [Challenge]] {
        let blocking = state.config.policy.blockingSeverity
        var result: [String: [Challenge]] = [:]
        for challenge in state.challenges.values where challenge.status.isOpen && challenge.severity >= blocking {
            if let project = challenge.project { result[project, default: []].append(challenge) }
        }
        return result
    }

    public static func failures(
        for version: ModelVersion, entering stage: String, in state: BoardState, blockers: [String: [Challenge]]
    ) -> [String] {
        guard stage == state.config.policy.productionStage,
              let model = state.models[version.ref.model] else { return [] }
        var failures: [String] = []
        for threshold in model.thresholds where !threshold.holds(for: version.metrics) {
            let actual = version.metrics[threshold.metric].map(MetricThreshold.format) ?? "missing"
            failures.append("metric \(threshold.text) not met (is \(actual))")
        }
        for challenge in (blockers[model.project] ?? []).sorted(by: { $0.id < $1.id }) {
            failures.append("\(challenge.severity.rawValue) challenge \(challenge.id) is open on project '\(model.project)'")
        }
        return failures
    }
}
