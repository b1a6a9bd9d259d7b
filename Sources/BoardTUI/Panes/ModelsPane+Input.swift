import BoardCore

/// What the keys of the model board and of a version's detail do.
extension ModelsPane {
    func perform(_ action: Action, ui: inout UIState, context: PaneContext) -> [Effect]? {
        let version = context.selectedVersion
        switch action {
        case .open:
            return version.map { [.open(.versionDetail($0.ref))] } ?? []
        case .left, .right:
            ui.modelsColumn = max(0, min(context.state.config.stages.count - 1, ui.modelsColumn + (action == .left ? -1 : 1)))
            return []
        case .newItem:
            guard let model = version.flatMap({ context.state.models[$0.ref.model] }) else { return [.complain("select a version of the model first")] }
            return [.open(.form(Forms.newVersion(of: model)))]
        case .requestPromotion:
            guard let version else { return [.complain("no version selected")] }
            return [.open(.form(Forms.requestPromotion(version, model: context.state.models[version.ref.model], config: context.state.config)))]
        case .comment:
            guard let version else { return [.complain("nothing selected to comment on")] }
            return [.open(.form(Forms.comment(on: .version(version.ref))))]
        default:
            return nil
        }
    }

    func copyText(_ context: PaneContext) -> String? { context.selectedVersion.map { "\($0.ref.model):\($0.ref.number)" } }
}
