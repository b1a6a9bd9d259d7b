/// What must hold before a version may enter a stage. Only the production stage has gates.
public enum Gates {
    /// Each failing gate as a sentence; empty when every gate holds.
    public static func failures(for version: ModelVersion, entering stage: String, in state: BoardState) -> [String] {
        guard stage == state.config.policy.productionStage,
              let model = state.models[version.ref.model] else { return [] }
        var failures: [String] = []
        for threshold in model.thresholds where !threshold.holds(for: version.metrics) {
            let actual = version.metrics[threshold.metric].map(MetricThreshold.format) ?? "missing"
            failures.append("metric \(threshold.text) not met (is \(actual))")
        }
        let blocking = state.config.policy.blockingSeverity
        let blockers = state.challenges.values
            .filter { $0.project == model.project && $0.status.isOpen && $0.severity >= blocking }
            .sorted { $0.id < $1.id }
        for challenge in blockers {
            failures.append("\(challenge.severity.rawValue) challenge \(challenge.id) is open on project '\(model.project)'")
        }
        return failures
    }
}
