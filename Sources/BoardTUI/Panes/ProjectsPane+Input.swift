import BoardCore

/// What the keys of Projects and of a project's detail do.
extension ProjectsPane {
    func perform(_ action: Action, ui: inout UIState, context: PaneContext) -> [Effect]? {
        let config = context.state.config
        let project = context.selectedProject
        switch action {
        case .open:
            return project.map { [.open(.projectDetail(slug: $0.slug))] } ?? []
        case .sort:
            ui.projectSort = ProjectSort(rawValue: (ui.projectSort.rawValue + 1) % ProjectSort.allCases.count) ?? .name
            return [.say("sorted by \(ui.projectSort.title)")]
        case .newItem:
            return [.open(.form(Forms.newProject(config)))]
        case .edit:
            guard let project else { return [.complain("no project selected")] }
            return [.open(.form(Forms.editProject(project, config: config)))]
        case .comment:
            guard let project else { return [.complain("nothing selected to comment on")] }
            return [.open(.form(Forms.comment(on: .project(project.slug))))]
        case .archive:
            guard let project else { return [.complain("no project selected")] }
            guard !project.archived else { return [.complain("\(project.slug) is archived already; R restores it")] }
            return [.ask(Confirmation(
                question: "Archive project \(project.slug) (\(project.name))? y/n", command: .archiveProject(slug: project.slug),
                success: "archived \(project.slug)"))]
        case .restore:
            guard let project else { return [.complain("no project selected")] }
            guard project.archived else { return [.complain("\(project.slug) is not archived; v lists the archived projects")] }
            return [.ask(Confirmation(
                question: "Restore project \(project.slug) (\(project.name))? y/n", command: .restoreProject(slug: project.slug),
                success: "restored \(project.slug)"))]
        case .toggleArchived:
            ui.showArchivedProjects.toggle()
            return [.cursorToTop, .say(ui.showArchivedProjects ? "archived projects; R restores one, v lists the live ones" : "live projects")]
        default:
            return nil
        }
    }

    func copyText(_ context: PaneContext) -> String? { context.selectedProject.map(\.slug) }

    /// The RACI matrix shows the live project last selected here (or opened with `:project`),
    /// until `[` `]` in Team choose another.
    func keyHandled(ui: inout UIState, context: PaneContext) {
        guard let project = context.selectedProject, !project.archived else { return }
        ui.matrixProject = project.slug
    }
}
