/// A bridge to another system (the MLflow registry) changed something: it pulled versions in or
/// pushed changes out. Recorded only when something changed, so the latest per bridge says when
/// mlboard and that system last came into agreement.
public struct BridgeSync: Codable, Equatable, Sendable {
    /// Which bridge, e.g. "mlflow".
    public var bridge: String
    /// The system it synced with, with no credentials (the tracking URI).
    public var target: String
    /// Versions brought into mlboard.
    public var pulled: Int
    /// Changes made on the other system.
    public var pushed: Int
    public var at: Instant
    public var by: String
    /// The journal line that recorded it; set when applied, so absent from the event's line
    /// (where it is 0), but kept when a state is encoded.
    public var sequence: Int64

    public init(bridge: String, target: String, pulled: Int, pushed: Int, at: Instant, by: String, sequence: Int64 = 0) {
        self.bridge = bridge
        self.target = target
        self.pulled = pulled
        self.pushed = pushed
        self.at = at
        self.by = by
        self.sequence = sequence
    }

    private enum CodingKeys: String, CodingKey { case bridge, target, pulled, pushed, at, by, sequence }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            bridge: try container.decode(String.self, forKey: .bridge), target: try container.decode(String.self, forKey: .target),
            pulled: try container.decode(Int.self, forKey: .pulled), pushed: try container.decode(Int.self, forKey: .pushed),
            at: try container.decode(Instant.self, forKey: .at), by: try container.decode(String.self, forKey: .by),
            sequence: try container.decodeIfPresent(Int64.self, forKey: .sequence) ?? 0)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(bridge, forKey: .bridge)
        try container.encode(target, forKey: .target)
        try container.encode(pulled, forKey: .pulled)
        try container.encode(pushed, forKey: .pushed)
        try container.encode(at, forKey: .at)
        try container.encode(by, forKey: .by)
        if sequence != 0 { try container.encode(sequence, forKey: .sequence) }
    }

    /// "mlflow http://mlflow:5000: pulled 2 versions, pushed 3 changes".
    public var summary: String { "\(bridge) \(target): \(changes)" }

    /// "pulled 2 versions, pushed 3 changes", or "in agreement".
    public var changes: String {
        let parts = [pulled > 0 ? "pulled \(pulled) version\(pulled == 1 ? "" : "s")" : nil,
                     pushed > 0 ? "pushed \(pushed) change\(pushed == 1 ? "" : "s")" : nil].compactMap { $0 }
        return parts.isEmpty ? "in agreement" : parts.joined(separator: ", ")
    }
}
