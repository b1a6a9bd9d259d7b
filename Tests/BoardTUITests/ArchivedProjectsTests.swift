import BoardCore
import BoardDemo
import Testing
@testable import BoardTUI

/// `v` in Projects lists the archived projects, and `R` restores one (asking first).
@Suite("Archived projects")
struct ArchivedProjectsTests {
    @Test("v lists the archived projects; R and y restore the selected one; v lists the live ones again")
    func listAndRestore() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        dashboard.handle(.character("2"))
        let slug = try #require(dashboard.selectedProject?.slug)
        DemoDashboard.press(dashboard, .character("A"), .character("y"))
        #expect(workspace.state.projects[slug]?.archived == true)
        #expect(!dashboard.rows.projects.contains { $0.slug == slug })

        dashboard.handle(.character("v"))
        #expect(dashboard.rows.projects.contains { $0.slug == slug })
        #expect(dashboard.rows.projects.allSatisfy { workspace.state.projects[$0.slug]?.archived == true })
        let screen = dashboard.render(width: 120, height: 40).text
        #expect(screen.contains("Archived projects ("), "\(screen)")
        let row = try #require(dashboard.rows.projects.firstIndex { $0.slug == slug })
        for _ in 0..<row { dashboard.handle(.character("j")) }
        dashboard.handle(.character("R"))
        #expect(dashboard.render(width: 120, height: 40).text.contains("Restore project \(slug) "))
        dashboard.handle(.character("y"))
        #expect(workspace.state.projects[slug]?.archived == false)
        #expect(workspace.lastEvent == .projectRestored(slug: slug))

        dashboard.handle(.character("v"))
        #expect(dashboard.rows.projects.contains { $0.slug == slug })
    }

    @Test("an archived project's detail says so, and R in it restores that project")
    func restoreFromDetail() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        let slug = try #require(workspace.state.liveProjects.first?.slug)
        try workspace.run(.archiveProject(slug: slug), now: DemoWorkspace.now)
        DemoDashboard.press(dashboard, .character("2"), .character("v"), .enter)
        #expect(dashboard.render(width: 120, height: 40).text.contains("ARCHIVED (R restores it)"))
        DemoDashboard.press(dashboard, .character("R"), .character("y"))
        #expect(workspace.lastEvent == .projectRestored(slug: slug))
    }

    @Test("R on a live project and A on an archived one say why they do nothing")
    func wrongList() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        DemoDashboard.press(dashboard, .character("2"), .character("R"))
        #expect(dashboard.ui.overlays.isEmpty)
        #expect(dashboard.ui.status.text.contains("not archived"))
        let slug = try #require(dashboard.selectedProject?.slug)
        try workspace.run(.archiveProject(slug: slug), now: DemoWorkspace.now)
        DemoDashboard.press(dashboard, .character("v"), .character("A"))
        #expect(dashboard.ui.overlays.isEmpty)
        #expect(dashboard.ui.status.text.contains("R restores"))
    }

    @Test("only a lead may restore: anyone else hears the rule")
    func restoreIsForLeads() throws {
        let (_, workspace) = DemoDashboard.make()
        let slug = try #require(workspace.state.liveProjects.first?.slug)
        try workspace.run(.archiveProject(slug: slug), now: DemoWorkspace.now)
        let engineer = MemoryWorkspace(state: workspace.state, me: Actor(handle: "jonas-weber", osUser: "test"))
        let dashboard = Dashboard(workspace: engineer, clock: { DemoWorkspace.now })
        DemoDashboard.press(dashboard, .character("2"), .character("v"), .character("R"), .character("y"))
        #expect(dashboard.ui.status.isError)
        #expect(dashboard.ui.status.text.contains("lead-only"), "\(dashboard.ui.status.text)")
        #expect(engineer.state.projects[slug]?.archived == true)
    }

    @Test("the footer, ? and the archived list's title tell of v and R")
    func keysAreShown() {
        let (dashboard, _) = DemoDashboard.make()
        dashboard.handle(.character("2"))
        #expect(dashboard.render(width: 200, height: 60).line(58).contains("v archived projects"))
        dashboard.handle(.character("?"))
        let help = dashboard.render(width: 200, height: 60).text
        #expect(help.contains("restore the archived project"), "\(help)")
    }
}
