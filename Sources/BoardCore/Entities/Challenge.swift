public enum Severity: String, Codable, CaseIterable, Comparable, Sendable {
    case low, medium, high, critical

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public enum ChallengeStatus: String, Codable, CaseIterable, Sendable {
    case open
    case inProgress = "in-progress"
    case mitigated
    case resolved
    case wontFix = "wont-fix"

    /// Still demanding work: these count as open for gates and figures.
    public var isOpen: Bool { self == .open || self == .inProgress }

    /// The statuses a challenge may move to from this one.
    public var allowedMoves: [ChallengeStatus] {
        switch self {
        case .open: [.inProgress, .mitigated, .resolved, .wontFix]
        case .inProgress: [.open, .mitigated, .resolved, .wontFix]
        case .mitigated: [.open, .inProgress, .resolved]
        case .resolved, .wontFix: [.open]
        }
    }

    /// Moves that close a challenge must say how.
    public var needsNote: Bool { self == .resolved || self == .wontFix }
}

/// A blocker on a project, or on the whole organisation when `project` is nil.
public struct Challenge: Codable, Equatable, Sendable {
    public var id: String
    public var project: String?
    public var category: String
    public var severity: Severity
    public var owner: String?
    public var status: ChallengeStatus
    public var title: String
    public var description: String
    public var resolution: String?
    public var openedAt: Instant
    public var openedBy: String
    public var updatedAt: Instant

    public init(
        id: String, project: String?, category: String, severity: Severity, owner: String?,
        title: String, description: String, openedAt: Instant, openedBy: String
    ) {
        self.id = id
        self.project = project
        self.category = category
        self.severity = severity
        self.owner = owner
        self.status = .open
        self.title = title
        self.description = description
        self.openedAt = openedAt
        self.openedBy = openedBy
        self.updatedAt = openedAt
    }
}

public struct ChallengeEdit: Codable, Equatable, Sendable {
    public var title: String?
    public var description: String?
    public var category: String?
    public var severity: Severity?
    /// Empty string clears the owner.
    public var owner: String?

    public init(
        title: String? = nil, description: String? = nil, category: String? = nil,
        severity: Severity? = nil, owner: String? = nil
    ) {
        self.title = title
        self.description = description
        self.category = category
        self.severity = severity
        self.owner = owner
    }
}
