/// One move of a model's alias (`champion`, `challenger`…) from one version to another.
/// `from` is nil when the alias was free, `to` when it was taken off.
public struct AliasMove: Codable, Equatable, Sendable {
    public var model: String
    public var alias: String
    public var from: Int?
    public var to: Int?
    public var at: Instant
    public var by: String
    public var reason: String
    /// The request whose approval moved it, if one did.
    public var request: String?
    /// The journal line that recorded the move: set when applied (from the line, whatever the
    /// event says), so `decide` leaves it 0 and event lines never carry it.
    public var sequence: Int64

    public init(
        model: String, alias: String, from: Int?, to: Int?, at: Instant, by: String, reason: String,
        request: String? = nil, sequence: Int64 = 0
    ) {
        self.model = model
        self.alias = alias
        self.from = from
        self.to = to
        self.at = at
        self.by = by
        self.reason = reason
        self.request = request
        self.sequence = sequence
    }

    private enum CodingKeys: String, CodingKey { case model, alias, from, to, at, by, reason, request, sequence }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        model = try container.decode(String.self, forKey: .model)
        alias = try container.decode(String.self, forKey: .alias)
        from = try container.decodeIfPresent(Int.self, forKey: .from)
        to = try container.decodeIfPresent(Int.self, forKey: .to)
        at = try container.decode(Instant.self, forKey: .at)
        by = try container.decode(String.self, forKey: .by)
        reason = try container.decode(String.self, forKey: .reason)
        request = try container.decodeIfPresent(String.self, forKey: .request)
        sequence = try container.decodeIfPresent(Int64.self, forKey: .sequence) ?? 0
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encode(alias, forKey: .alias)
        try container.encodeIfPresent(from, forKey: .from)
        try container.encodeIfPresent(to, forKey: .to)
        try container.encode(at, forKey: .at)
        try container.encode(by, forKey: .by)
        try container.encode(reason, forKey: .reason)
        try container.encodeIfPresent(request, forKey: .request)
        if sequence != 0 { try container.encode(sequence, forKey: .sequence) }
    }

    /// "champion v2 → v3", "champion off v2", "champion → v1".
    public var summary: String {
        switch (from, to) {
        case let (old?, new?): "@\(alias) v\(old) → v\(new)"
        case let (nil, new?): "@\(alias) → v\(new)"
        case let (old?, nil): "@\(alias) off v\(old)"
        case (nil, nil): "@\(alias)"
        }
    }
}
