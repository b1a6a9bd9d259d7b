/// A model a project owns; its versions climb the stages.
public struct MLModel: Codable, Equatable, Sendable {
    public var slug: String
    public var project: String
    public var name: String
    public var description: String
    /// The gate for production: every threshold must hold.
    public var thresholds: [MetricThreshold]
    /// The metric shown first on cards and in reports.
    public var keyMetric: String?

    public init(
        slug: String, project: String, name: String, description: String = "",
        thresholds: [MetricThreshold] = [], keyMetric: String? = nil
    ) {
        self.slug = slug
        self.project = project
        self.name = name
        self.description = description
        self.thresholds = thresholds
        self.keyMetric = keyMetric
    }
}

public struct MetricThreshold: Codable, Equatable, Sendable {
    public enum Comparison: String, Codable, Sendable {
        case atLeast = ">="
        case atMost = "<="
    }

    public var metric: String
    public var comparison: Comparison
    public var value: Double

    public init(metric: String, comparison: Comparison, value: Double) {
        self.metric = metric
        self.comparison = comparison
        self.value = value
    }

    /// Whether `metrics` meets the threshold; a missing metric does not.
    public func holds(for metrics: [String: Double]) -> Bool {
        guard let actual = metrics[metric] else { return false }
        switch comparison {
        case .atLeast: return actual >= value
        case .atMost: return actual <= value
        }
    }

    /// "auc >= 0.8", the form the command line accepts.
    public var text: String { "\(metric) \(comparison.rawValue) \(MetricThreshold.format(value))" }

    public static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
