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

    public init(
        ref: VersionRef, metrics: [String: Double], source: String, stage: String,
        registeredAt: Instant, registeredBy: String
    ) {
        self.ref = ref
        self.metrics = metrics
        self.source = source
        self.stage = stage
        self.registeredAt = registeredAt
        self.registeredBy = registeredBy
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
