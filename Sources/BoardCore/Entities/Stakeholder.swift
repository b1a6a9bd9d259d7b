/// A person on the team. Leads manage people and assignments; approval rights say
/// which target stages a person may approve promotions to.
public struct Stakeholder: Codable, Equatable, Sendable {
    public var handle: String
    public var name: String
    public var role: String
    public var email: String?
    public var isLead: Bool
    public var approvalStages: [String]
    public var active: Bool

    public init(
        handle: String, name: String, role: String, email: String? = nil, isLead: Bool = false,
        approvalStages: [String] = [], active: Bool = true
    ) {
        self.handle = handle
        self.name = name
        self.role = role
        self.email = email
        self.isLead = isLead
        self.approvalStages = approvalStages
        self.active = active
    }

    public func mayApprove(to stage: String) -> Bool { active && approvalStages.contains(stage) }
}

public struct StakeholderEdit: Codable, Equatable, Sendable {
    public var name: String?
    public var role: String?
    public var email: String?
    public var isLead: Bool?

    public init(name: String? = nil, role: String? = nil, email: String? = nil, isLead: Bool? = nil) {
        self.name = name
        self.role = role
        self.email = email
        self.isLead = isLead
    }
}
