/// A request to move a version to another stage, reviewed by approvers.
public struct PromotionRequest: Codable, Equatable, Sendable {
    public enum Status: String, Codable, CaseIterable, Sendable {
        case open, approved, rejected, withdrawn, superseded
    }

    public var id: String
    public var version: VersionRef
    public var fromStage: String
    public var toStage: String
    public var reason: String
    public var requestedBy: String
    public var requestedAt: Instant
    public var status: Status
    public var approvals: [Approval]
    public var closedAt: Instant?
    public var closedBy: String?
    public var closingComment: String?
    /// Set when the request moves an alias onto a version already in `toStage`, the stage the
    /// alias implies; nil for a stage promotion.
    public var alias: String?

    public init(
        id: String, version: VersionRef, fromStage: String, toStage: String, reason: String,
        requestedBy: String, requestedAt: Instant, alias: String? = nil
    ) {
        self.id = id
        self.version = version
        self.fromStage = fromStage
        self.toStage = toStage
        self.reason = reason
        self.requestedBy = requestedBy
        self.requestedAt = requestedAt
        self.status = .open
        self.approvals = []
        self.alias = alias
    }

    public var isOpen: Bool { status == .open }

    /// What the request asks for: "production", or "@champion" for an alias.
    public var target: String { alias.map { "@\($0)" } ?? toStage }

    /// "staging → production", or "→ @champion" for an alias.
    public var moveText: String { alias == nil ? "\(fromStage) → \(toStage)" : "→ \(target)" }
}

public struct Approval: Codable, Equatable, Sendable {
    public var by: String
    public var at: Instant
    public var comment: String?
    /// The approver's written reason for passing a failing gate.
    public var overrideReason: String?
    public var failedGates: [String]
    /// What the reader found of the approval's signature (set when applied, never written).
    public var signature: SignatureMark?

    public init(by: String, at: Instant, comment: String?, overrideReason: String?, failedGates: [String], signature: SignatureMark? = nil) {
        self.by = by
        self.at = at
        self.comment = comment
        self.overrideReason = overrideReason
        self.failedGates = failedGates
        self.signature = signature
    }

    /// Whether the approval counts toward the quorum: a badly signed one never does.
    public var counts: Bool { signature?.isBad != true }
}
