import BoardCore

/// Approval rights, separation of duties and one approval per person, asked of the rules
/// before a form or a question opens, so nobody types a comment only to be told no.
extension Dashboard {
    /// Why you may not approve (or reject) `request`, from `decide` itself, or nil. Gates are
    /// left to the form: a failing gate can still be passed with a written override.
    func refusal(toDecide request: PromotionRequest, rejecting: Bool) -> RuleViolation? {
        let trial: Command = rejecting
            ? .reject(request: request.id, comment: "why")
            : .approve(request: request.id, comment: nil, overrideReason: "override")
        if case .failure(let violation) = decide(trial, state: state, actor: workspace.me, now: clock()) { return violation }
        return nil
    }

    /// Approve and reject, where the request in view is one you may not decide: left out of
    /// the footer.
    var approvalActionsOutOfReach: Set<Action> {
        guard ui.scope == .approvals || ui.scope == .review, let request = reviewedOrSelectedRequest else { return [] }
        var out: Set<Action> = []
        if refusal(toDecide: request, rejecting: false) != nil { out.insert(.approve) }
        if refusal(toDecide: request, rejecting: true) != nil { out.insert(.reject) }
        return out
    }
}
