import BoardCore

/// What the keys of Approvals and of a request's review do. Approval rights, separation of
/// duties and one approval per person are asked of the rules before a form or a question opens.
extension ApprovalsPane {
    func perform(_ action: Action, ui: inout UIState, context: PaneContext) -> [Effect]? {
        let request = context.reviewedOrSelectedRequest
        switch action {
        case .open:
            return context.rows.requests[safe: ui.selected(.approvals)].map { [.open(.review(requestID: $0.id))] } ?? []
        case .approve:
            guard let request else { return [.complain("no request selected")] }
            if let refusal = context.refusal(toDecide: request, rejecting: false) { return [.complain(refusal.description)] }
            let state = context.state
            let failures = state.versions[request.version].map { Gates.failures(for: $0, entering: request.toStage, in: state) } ?? []
            return [.open(.form(Forms.approve(request, failures: failures)))]
        case .reject:
            guard let request else { return [.complain("no request selected")] }
            if let refusal = context.refusal(toDecide: request, rejecting: true) { return [.complain(refusal.description)] }
            return [.open(.form(Forms.reject(request)))]
        case .withdraw:
            guard let request else { return [.complain("no request selected")] }
            return [.ask(Confirmation(
                question: "Withdraw \(request.id) (\(request.version) → \(request.target))? y/n",
                command: .withdraw(request: request.id), success: "withdrew \(request.id)"))]
        case .comment:
            guard let request else { return [.complain("nothing selected to comment on")] }
            return [.open(.form(Forms.comment(on: .request(request.id))))]
        default:
            return nil
        }
    }

    func copyText(_ context: PaneContext) -> String? {
        context.reviewedOrSelectedRequest.map { "\($0.id) \($0.version) → \($0.target)" }
    }

    /// Approve and reject, where the request in view is one you may not decide.
    func actionsOutOfReach(_ context: PaneContext) -> Set<Action> {
        guard context.ui.scope == .approvals || context.ui.scope == .review, let request = context.reviewedOrSelectedRequest else { return [] }
        var out: Set<Action> = []
        if context.refusal(toDecide: request, rejecting: false) != nil { out.insert(.approve) }
        if context.refusal(toDecide: request, rejecting: true) != nil { out.insert(.reject) }
        return out
    }
}
