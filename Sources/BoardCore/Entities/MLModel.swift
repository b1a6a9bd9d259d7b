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
    /// Which version each alias names ("champion" -> 3). Moved only by `aliasMoved` events.
    public var aliases: [String: Int]

    public init(
        slug: String, project: String, name: String, description: String = "",
        thresholds: [MetricThreshold] = [], keyMetric: String? = nil, aliases: [String: Int] = [:]
    ) {
        self.slug = slug
        self.project = project
        self.name = name
        self.description = description
        self.thresholds = thresholds
        self.keyMetric = keyMetric
        self.aliases = aliases
    }

    /// The aliases that name version `number`, sorted.
    public func aliases(of number: Int) -> [String] {
        aliases.filter { $0.value == number }.map(\.key).sorted()
    }

    private enum CodingKeys: String, CodingKey { case slug, project, name, description, thresholds, keyMetric, aliases }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        slug = try container.decode(String.self, forKey: .slug)
        project = try container.decode(String.self, forKey: .project)
        name = try container.decode(String.self, forKey: .name)
        description = try container.decode(String.self, forKey: .description)
        thresholds = try container.decode([MetricThreshold].self, forKey: .thresholds)
        keyMetric = try container.decodeIfPresent(String.self, forKey: .keyMetric)
        aliases = try container.decodeIfPresent([String: Int].self, forKey: .aliases) ?? [:]
    }

    /// A model with no aliases encodes as it did before aliases existed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(slug, forKey: .slug)
        try container.encode(project, forKey: .project)
        try container.encode(name, forKey: .name)
        try container.encode(description, forKey: .description)
        try container.encode(thresholds, forKey: .thresholds)
        try container.encodeIfPresent(keyMetric, forKey: .keyMetric)
        if !aliases.isEmpty { try container.encode(aliases, forKey: .aliases) }
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
