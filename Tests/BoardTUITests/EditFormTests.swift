import BoardCore
import Testing
@testable import BoardTUI

@Suite("Edit and register forms")
struct EditFormTests {
    @Test("e edits the selected project, sending only what changed")
    func editProject() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        dashboard.handle(.character("2"))
        let slug = try #require(dashboard.selectedProject?.slug)
        let before = try #require(workspace.state.projects[slug])
        dashboard.handle(.character("e"))
        dashboard.handle(.tab)
        dashboard.handle(.right)
        dashboard.handle(.enter)
        let after = try #require(workspace.state.projects[slug])
        #expect(after.goal != before.goal)
        #expect(after.name == before.name)
        guard case .projectEdited(_, let edit) = workspace.lastEvent else {
            Issue.record("no projectEdited event")
            return
        }
        #expect(edit.name == nil && edit.goal == after.goal)
    }

    @Test("n in the model board registers a version of the selected card's model with its metrics")
    func newVersion() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        dashboard.handle(.character("4"))
        let model = try #require(dashboard.selectedVersion?.ref.model)
        let count = workspace.state.versions(of: model).count
        dashboard.handle(.character("n"))
        DemoDashboard.type(dashboard, "git:abc123")
        dashboard.handle(.tab)
        for _ in 0..<60 { dashboard.handle(.backspace) }
        DemoDashboard.type(dashboard, "auc=0.9, f1=0.7")
        dashboard.handle(.enter)
        let versions = workspace.state.versions(of: model)
        #expect(versions.count == count + 1)
        #expect(versions.last?.metrics == ["auc": 0.9, "f1": 0.7])
        #expect(versions.last?.source == "git:abc123")
    }

    @Test("e edits the selected challenge's severity")
    func editChallenge() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        dashboard.handle(.character("5"))
        let id = try #require(dashboard.selectedChallenge?.id)
        dashboard.handle(.character("e"))
        dashboard.handle(.tab)
        dashboard.handle(.tab)
        dashboard.handle(.character("l"))
        dashboard.handle(.enter)
        #expect(workspace.state.challenges[id]?.severity == .low)
    }
}

@Suite("The project edit form moves the step and sets the status")
struct ProjectStepStatusFormTests {
    /// Tabs to `field` of the edit form and picks the next choice.
    static func chooseNext(_ dashboard: Dashboard, field: String) throws {
        guard case .form(let form) = dashboard.ui.overlays.last else { throw FormMissing() }
        let index = try #require(form.fields.firstIndex { $0.key == field })
        while case .form(let open) = dashboard.ui.overlays.last, open.focus != index { dashboard.handle(.tab) }
        dashboard.handle(.right)
    }

    struct FormMissing: Error {}

    @Test("e, a new step and status, Enter: the project moves through set-step and set-status")
    func stepAndStatus() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        dashboard.handle(.character("2"))
        let slug = try #require(dashboard.selectedProject?.slug)
        let before = try #require(workspace.state.projects[slug])
        dashboard.handle(.character("e"))
        try Self.chooseNext(dashboard, field: "step")
        try Self.chooseNext(dashboard, field: "status")
        dashboard.handle(.enter)
        let after = try #require(workspace.state.projects[slug])
        let steps = workspace.state.config.lifecycleSteps
        let statuses = ProjectStatus.allCases
        #expect(after.step == steps[(steps.firstIndex(of: before.step)! + 1) % steps.count])
        #expect(after.status == statuses[(statuses.firstIndex(of: before.status)! + 1) % statuses.count])
        #expect(after.name == before.name)
        #expect(workspace.lastEvent == .projectStatusSet(slug: slug, status: after.status))
        #expect(dashboard.ui.overlays.isEmpty)
    }

    @Test("when a rule refuses one change of the form, none is written and the form stays open")
    func allOrNothing() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        dashboard.handle(.character("2"))
        let slug = try #require(dashboard.selectedProject?.slug)
        let before = try #require(workspace.state.projects[slug])
        dashboard.handle(.character("e"))
        DemoDashboard.type(dashboard, String(repeating: "x", count: 220))
        try Self.chooseNext(dashboard, field: "step")
        dashboard.handle(.enter)
        #expect(workspace.state.projects[slug] == before, "neither the name nor the step changed")
        guard case .form = dashboard.ui.overlays.last else {
            Issue.record("the form stays open with the rule's message: \(dashboard.ui.overlays)")
            return
        }
        #expect(dashboard.ui.status.text.contains("invalid-name"), "\(dashboard.ui.status.text)")
    }
}
