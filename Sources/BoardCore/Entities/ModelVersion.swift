/// Identifies version `number` of model `model`.
public struct VersionRef: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var model: String
    public var number: Int

    public init(model: String, number: Int) {
        self.model = model
        self.number = number
    }

    public var description: String { "\(model) v\(number)" }

    public static func < (lhs: VersionRef, rhs: VersionRef) -> Bool {
        (lhs.model, lhs.number) < (rhs.model, rhs.number)
    }
}

public struct ModelVersion: Codable, Equatable, Sendable {
    public var ref: VersionRef
    public var metrics: [String: Double]
    /// A run id, artifact URI or commit.
    public var source: String
    public var stage: String
    public var registeredAt: Instant
    public var registeredBy: String
    public var lineage: VersionLineage

    public init(
        ref: VersionRef, metrics: [String: Double], source: String, stage: String,
        registeredAt: Instant, registeredBy: String, lineage: VersionLineage = VersionLineage()
    ) {
        self.ref = ref
        self.metrics = metrics
        self.source = source
        self.stage = stage
        self.registeredAt = registeredAt
        self.registeredBy = registeredBy
        self.lineage = lineage
    }

    private enum CodingKeys: String, CodingKey { case ref, metrics, source, stage, registeredAt, registeredBy, lineage }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ref = try container.decode(VersionRef.self, forKey: .ref)
        metrics = try container.decode([String: Double].self, forKey: .metrics)
        source = try container.decode(String.self, forKey: .source)
        stage = try container.decode(String.self, forKey: .stage)
        registeredAt = try container.decode(Instant.self, forKey: .registeredAt)
        registeredBy = try container.decode(String.self, forKey: .registeredBy)
        lineage = try container.decodeIfPresent(VersionLineage.self, forKey: .lineage) ?? VersionLineage()
    }

    /// Lines written before lineage existed stay byte for byte what they were: no lineage, no key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ref, forKey: .ref)
        try container.encode(metrics, forKey: .metrics)
        try container.encode(source, forKey: .source)
        try container.encode(stage, forKey: .stage)
        try container.encode(registeredAt, forKey: .registeredAt)
        try container.encode(registeredBy, forKey: .registeredBy)
        if !lineage.isEmpty { try container.encode(lineage, forKey: .lineage) }
    }
}

/// One move of a version between stages: the audit record behind stage history.
public struct StageMove: Codable, Equatable, Sendable {
    public var version: VersionRef
    public var from: String
    public var to: String
    public var at: Instant
    public var by: String
    public var reason: String
    public var request: String?

    public init(
        version: VersionRef, from: String, to: String, at: Instant, by: String, reason: String,
        request: String? = nil
    ) {
        self.version = version
        self.from = from
        self.to = to
        self.at = at
        self.by = by
        self.reason = reason
        self.request = request
    }
}
