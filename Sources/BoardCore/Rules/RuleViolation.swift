/// The rules `decide` enforces. The raw value is the name users see in messages.
public enum Rule: String, Codable, CaseIterable, Sendable {
    case unknownEntity = "unknown-entity"
    case duplicateId = "duplicate-id"
    case malformedSlug = "malformed-slug"
    case invalidName = "invalid-name"
    case invalidText = "invalid-text"
    case controlCharacters = "control-characters"
    case unknownVocabulary = "unknown-vocabulary"
    case notAStakeholder = "not-a-stakeholder"
    case leadOnly = "lead-only"
    case projectArchived = "project-archived"
    case stageOrder = "stage-order"
    case duplicateOpenRequest = "one-open-request"
    case requestNotOpen = "request-not-open"
    case staleRequest = "stale-request"
    case approvalRight = "approval-right"
    case separationOfDuties = "separation-of-duties"
    case oneApprovalPerPerson = "one-approval-per-person"
    case commentRequired = "comment-required"
    case gateFailed = "gate-failed"
    case singleAccountable = "single-accountable"
    case statusMove = "status-move"
    case noteRequired = "note-required"
    case requesterOnly = "requester-only"
    case nothingToRollBack = "nothing-to-roll-back"
    case nothingToChange = "nothing-to-change"
    case keyRights = "key-rights"
}

/// A command refused: which rule, and a sentence naming the entity.
public struct RuleViolation: Error, Equatable, Sendable, CustomStringConvertible {
    public var rule: Rule
    public var message: String

    public init(_ rule: Rule, _ message: String) {
        self.rule = rule
        self.message = message
    }

    public var description: String { "\(rule.rawValue): \(message)" }
}
