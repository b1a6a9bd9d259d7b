import BoardCore

/// A version's metrics beside its model's thresholds, pass or fail each, and the gates for a
/// stage: what a review and a version's detail both show.
enum GateLines {
    static func metrics(of version: ModelVersion?, model: MLModel?) -> [(String, StyleRole)] {
        var lines: [(String, StyleRole)] = []
        let metrics = version?.metrics ?? [:]
        let thresholds = model?.thresholds ?? []
        // Columns as wide as their longest entry, at least 18: a threshold is never cut.
        let nameWidth = max(18, (Array(metrics.keys) + thresholds.map(\.metric)).map(DisplayWidth.of).max() ?? 0)
        let thresholdWidth = max(18, thresholds.map { DisplayWidth.of($0.text) }.max() ?? 0)
        for name in metrics.keys.sorted() {
            let threshold = model?.thresholds.first { $0.metric == name }
            let mark = threshold.map { $0.holds(for: metrics) ? "✓ pass" : "✗ FAIL" } ?? ""
            let style: StyleRole = threshold.map { $0.holds(for: metrics) ? .pass : .fail } ?? .normal
            lines.append(("  \(name.padded(nameWidth)) \(MetricThreshold.format(metrics[name] ?? 0).padded(10)) \((threshold?.text ?? "").padded(thresholdWidth)) \(mark)", style))
        }
        for threshold in thresholds where metrics[threshold.metric] == nil {
            lines.append(("  \(threshold.metric.padded(nameWidth)) \("missing".padded(10)) \(threshold.text.padded(thresholdWidth)) ✗ FAIL", .fail))
        }
        return lines
    }

    /// "Gates: all pass", or how many fail and each failure.
    static func gates(_ failures: [String], failing: String) -> [(String, StyleRole)] {
        [("Gates: " + (failures.isEmpty ? "all pass" : "\(failures.count) failing; \(failing)"), failures.isEmpty ? .pass : .fail)]
            + failures.map { ("  ✗ \($0)", .fail) }
    }
}
