import Foundation

extension Decider {
    func openChallenge(_ new: NewChallenge) throws -> [Event] {
        try requireActor()
        if let slug = new.project { _ = try liveProject(slug) }
        try Validate.member(new.category, of: config.challengeCategories.map(\.name), field: "category")
        try Validate.name(new.title, field: "challenge title")
        try Validate.longText(new.description, field: "challenge description")
        if let owner = new.owner { try requireActiveStakeholder(owner, field: "owner") }
        let challenge = Challenge(
            id: "CH-\(state.counters.challenges + 1)", project: new.project, category: new.category,
            severity: new.severity, owner: new.owner, title: new.title, description: new.description,
            openedAt: now, openedBy: actor.handle)
        return [.challengeOpened(challenge)]
    }

    func editChallenge(_ id: String, _ edit: ChallengeEdit) throws -> [Event] {
        try requireActor()
        _ = try challenge(id)
        guard edit != ChallengeEdit() else { throw RuleViolation(.nothingToChange, "no field of \(id) was given to change") }
        if let title = edit.title { try Validate.name(title, field: "challenge title") }
        if let description = edit.description { try Validate.longText(description, field: "challenge description") }
        if let category = edit.category {
            try Validate.member(category, of: config.challengeCategories.map(\.name), field: "category")
        }
        if let owner = edit.owner, !owner.isEmpty { try requireActiveStakeholder(owner, field: "owner") }
        return [.challengeEdited(id: id, edit)]
    }

    func moveChallenge(_ id: String, _ target: ChallengeStatus, _ note: String?) throws -> [Event] {
        try requireActor()
        let challenge = try challenge(id)
        guard challenge.status.allowedMoves.contains(target) else {
            let allowed = challenge.status.allowedMoves.map(\.rawValue).joined(separator: ", ")
            throw RuleViolation(.statusMove, "\(id) is \(challenge.status.rawValue); it may move to \(allowed), not \(target.rawValue)")
        }
        let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if target.needsNote && trimmed.isEmpty {
            throw RuleViolation(.noteRequired, "moving \(id) to \(target.rawValue) needs a note saying how it was settled")
        }
        if let note { try Validate.longText(note, field: "note") }
        return [.challengeMoved(id: id, to: target, note: trimmed.isEmpty ? nil : note)]
    }

    private func requireActiveStakeholder(_ handle: String, field: String) throws {
        let person = try stakeholder(handle)
        guard person.active else { throw RuleViolation(.notAStakeholder, "\(field) '\(handle)' is deactivated") }
    }
}
