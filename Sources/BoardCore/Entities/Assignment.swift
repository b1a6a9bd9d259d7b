/// Responsible, Accountable, Consulted, Informed.
public enum RACI: String, Codable, CaseIterable, Sendable {
    case responsible = "R"
    case accountable = "A"
    case consulted = "C"
    case informed = "I"

    public var word: String {
        switch self {
        case .responsible: "Responsible"
        case .accountable: "Accountable"
        case .consulted: "Consulted"
        case .informed: "Informed"
        }
    }
}

/// One cell of a project's RACI matrix: a stakeholder's part in one lifecycle step.
public struct Assignment: Codable, Equatable, Sendable {
    public var project: String
    public var step: String
    public var stakeholder: String
    public var raci: RACI

    public init(project: String, step: String, stakeholder: String, raci: RACI) {
        self.project = project
        self.step = step
        self.stakeholder = stakeholder
        self.raci = raci
    }

    public var key: AssignmentKey { AssignmentKey(project: project, step: step, stakeholder: stakeholder) }
}

public struct AssignmentKey: Codable, Hashable, Sendable {
    public var project: String
    public var step: String
    public var stakeholder: String

    public init(project: String, step: String, stakeholder: String) {
        self.project = project
        self.step = step
        self.stakeholder = stakeholder
    }
}
