/// A data-science initiative: its goal, how it was prioritised, where it stands in the lifecycle.
public struct Project: Codable, Equatable, Sendable {
    public var slug: String
    public var name: String
    public var description: String
    public var goal: String
    public var otherGoals: [String]
    public var priorityBasis: String?
    public var impactAreas: [String]
    public var cadence: String?
    public var step: String
    public var status: ProjectStatus
    public var archived: Bool
    public var createdAt: Instant
    public var createdBy: String
    /// The last recorded retrain of the project's models; creation counts as the first.
    public var lastRetrainAt: Instant

    public init(
        slug: String, name: String, description: String, goal: String, otherGoals: [String] = [],
        priorityBasis: String? = nil, impactAreas: [String] = [], cadence: String? = nil, step: String,
        status: ProjectStatus = .active, archived: Bool = false, createdAt: Instant, createdBy: String,
        lastRetrainAt: Instant? = nil
    ) {
        self.slug = slug
        self.name = name
        self.description = description
        self.goal = goal
        self.otherGoals = otherGoals
        self.priorityBasis = priorityBasis
        self.impactAreas = impactAreas
        self.cadence = cadence
        self.step = step
        self.status = status
        self.archived = archived
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.lastRetrainAt = lastRetrainAt ?? createdAt
    }
}

public enum ProjectStatus: String, Codable, CaseIterable, Sendable {
    case active
    case onHold = "on-hold"
    case completed
    case cancelled
}

/// Changes to a project's descriptive fields; nil leaves a field as it is.
public struct ProjectEdit: Codable, Equatable, Sendable {
    public var name: String?
    public var description: String?
    public var goal: String?
    public var otherGoals: [String]?
    public var priorityBasis: String?
    public var impactAreas: [String]?
    public var cadence: String?

    public init(
        name: String? = nil, description: String? = nil, goal: String? = nil, otherGoals: [String]? = nil,
        priorityBasis: String? = nil, impactAreas: [String]? = nil, cadence: String? = nil
    ) {
        self.name = name
        self.description = description
        self.goal = goal
        self.otherGoals = otherGoals
        self.priorityBasis = priorityBasis
        self.impactAreas = impactAreas
        self.cadence = cadence
    }

    public var isEmpty: Bool { self == ProjectEdit() }
}
