import BoardCore

/// What the keys of the challenge tracker and of a challenge's detail do.
extension ChallengesPane {
    func perform(_ action: Action, ui: inout UIState, context: PaneContext) -> [Effect]? {
        let challenge = context.selectedChallenge
        switch action {
        case .open:
            return challenge.map { [.open(.challengeDetail(id: $0.id))] } ?? []
        case .newItem:
            return [.open(.form(Forms.newChallenge(context.state, project: nil)))]
        case .edit:
            guard let challenge else { return [.complain("no challenge selected")] }
            return [.open(.form(Forms.editChallenge(challenge, state: context.state)))]
        case .moveStatus:
            guard let challenge else { return [.complain("no challenge selected")] }
            return [.open(.form(Forms.moveChallenge(challenge)))]
        case .comment:
            guard let challenge else { return [.complain("nothing selected to comment on")] }
            return [.open(.form(Forms.comment(on: .challenge(challenge.id))))]
        default:
            return nil
        }
    }

    func copyText(_ context: PaneContext) -> String? { context.selectedChallenge.map { "\($0.id) \($0.title)" } }
}
