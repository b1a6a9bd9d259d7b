import BoardCore
import BoardDemo
import Testing
@testable import BoardTUI

/// An open detail owns the keys: every action acts on the item it shows, never on the list
/// behind it, and keys that would change the list do nothing.
@Suite("Keys typed while a detail is open")
struct OverlayKeyTests {
    @Test("Enter, j, A in a project's detail asks to archive that project, not the next row")
    func archiveActsOnShownProject() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        DemoDashboard.press(dashboard, .character("2"), .enter)
        let shown = try #require(Self.rows(dashboard, workspace).projects.first?.slug)
        DemoDashboard.press(dashboard, .character("j"), .character("A"))
        let screen = dashboard.render(width: 120, height: 40).text
        #expect(screen.contains("Archive project \(shown) "), "asks about the project shown:\n\(screen)")
        #expect(dashboard.ui.selected(.projects) == 0, "the list behind did not move")
    }

    @Test("j j m in the detail of CH-11 moves CH-11")
    func moveActsOnShownChallenge() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        dashboard.handle(.character("5"))
        let index = try #require(Self.rows(dashboard, workspace).challenges.firstIndex { $0.id == "CH-11" })
        for _ in 0..<index { dashboard.handle(.character("j")) }
        DemoDashboard.press(dashboard, .enter, .character("j"), .character("j"), .character("m"))
        let screen = dashboard.render(width: 120, height: 40).text
        #expect(screen.contains("Move CH-11 "), "the move form is for CH-11:\n\(screen)")
        #expect(dashboard.ui.selected(.challenges) == index)
    }

    @Test("e and c in a challenge's detail edit and comment on that challenge")
    func editAndCommentActOnShownChallenge() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        dashboard.handle(.character("5"))
        let id = try #require(Self.rows(dashboard, workspace).challenges.first?.id)
        DemoDashboard.press(dashboard, .enter, .character("k"), .character("e"))
        #expect(dashboard.render(width: 120, height: 40).text.contains("Edit \(id)"))
        DemoDashboard.press(dashboard, .escape, .character("c"))
        #expect(dashboard.render(width: 120, height: 40).text.contains("Comment on challenge \(id)"))
    }

    @Test("s, n and / do nothing behind a detail; the sort and the list stay as they were")
    func listKeysDoNothing() {
        let (dashboard, _) = DemoDashboard.make()
        DemoDashboard.press(dashboard, .character("2"), .enter, .character("s"), .character("n"), .character("/"))
        #expect(dashboard.ui.projectSort == .name)
        #expect(!dashboard.ui.editingFilter)
        guard case .projectDetail = dashboard.ui.overlays.last else {
            Issue.record("the detail is still open, nothing on top of it: \(dashboard.ui.overlays)")
            return
        }
        #expect(dashboard.ui.status.text.contains("Esc"), "says how to leave the detail: \(dashboard.ui.status.text)")
    }

    @Test("q closes an open detail, review or help instead of quitting; q on the bare pane quits")
    func qClosesOverlay() {
        let (dashboard, _) = DemoDashboard.make()
        DemoDashboard.press(dashboard, .character("2"), .enter, .character("q"))
        #expect(!dashboard.isQuitting)
        #expect(dashboard.ui.overlays.isEmpty)
        DemoDashboard.press(dashboard, .character("6"), .enter, .character("q"))
        #expect(!dashboard.isQuitting)
        #expect(dashboard.ui.overlays.isEmpty)
        dashboard.handle(.character("q"))
        #expect(dashboard.isQuitting)
    }

    @Test("Ctrl-C quits from inside a detail")
    func controlCQuitsFromDetail() {
        let (dashboard, _) = DemoDashboard.make()
        DemoDashboard.press(dashboard, .character("2"), .enter, .control("c"))
        #expect(dashboard.isQuitting)
    }

    @Test("Ctrl-C quits from the help, the filter line and the command line too")
    func controlCQuitsFromAnywhere() {
        for keys: [Key] in [[.character("?")], [.character("2"), .character("/")], [.character(":")]] {
            let (dashboard, _) = DemoDashboard.make()
            for key in keys { dashboard.handle(key) }
            dashboard.handle(.control("c"))
            #expect(dashboard.isQuitting, "after \(keys)")
        }
    }

    @Test("? in a detail lists the detail's own keys")
    func helpInDetail() {
        let (dashboard, _) = DemoDashboard.make()
        DemoDashboard.press(dashboard, .character("5"), .enter, .character("?"))
        let screen = dashboard.render(width: 160, height: 60).text
        #expect(screen.contains("This pane (challenge-detail)"))
        #expect(screen.contains("move the challenge to another status"))
        #expect(!screen.contains("cycle the sort column"))
    }

    @Test("j and k scroll a long detail and never move the list behind it")
    func scrollDetail() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        dashboard.handle(.character("2"))
        DemoDashboard.press(dashboard, .enter)
        let first = dashboard.render(width: 80, height: 24).text
        for _ in 0..<40 { dashboard.handle(.character("j")) }
        let scrolled = dashboard.render(width: 80, height: 24).text
        #expect(scrolled != first, "the detail scrolled")
        dashboard.handle(.character("k"))
        #expect(dashboard.render(width: 80, height: 24).text != scrolled, "k scrolls back at once, however far j went")
        #expect(dashboard.ui.selected(.projects) == 0)
        _ = workspace
    }

    static func rows(_ dashboard: Dashboard, _ workspace: MemoryWorkspace) -> PaneRows {
        PaneRows(state: workspace.state, ui: dashboard.ui, me: DemoWorkspace.leadHandle, now: DemoWorkspace.now)
    }
}
