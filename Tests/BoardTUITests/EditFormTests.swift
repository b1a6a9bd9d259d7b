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
