import BoardCore
import BoardDemo
import Testing
@testable import BoardTUI

@Suite("Whole frames match the reviewed snapshots")
struct FrameSnapshotTests {
    static let sizes = [(80, 24), (200, 60)]

    @Test("every pane of the demo at 80x24 and 200x60", arguments: Pane.allCases)
    func demo(pane: Pane) {
        for (width, height) in FrameSnapshotTests.sizes {
            let (dashboard, _) = DemoDashboard.make()
            dashboard.switchPane(to: pane)
            FrameSnapshot.check(dashboard.render(width: width, height: height), named: "demo-\(pane)-\(width)x\(height)")
        }
    }

    @Test("CJK, emoji, format characters and long names in tables and a detail overlay")
    func unusualText() {
        for (width, height) in FrameSnapshotTests.sizes {
            for pane in [Pane.projects, .challenges] {
                let dashboard = UnusualText.dashboard()
                dashboard.switchPane(to: pane)
                FrameSnapshot.check(dashboard.render(width: width, height: height), named: "unusual-\(pane)-\(width)x\(height)")
            }
            let dashboard = UnusualText.dashboard()
            dashboard.handle(.character(":"))
            DemoDashboard.type(dashboard, "project zz-emoji")
            dashboard.handle(.enter)
            FrameSnapshot.check(dashboard.render(width: width, height: height), named: "unusual-detail-\(width)x\(height)")
        }
    }

    @Test("a model version's detail, and the archived projects' list")
    func versionDetailAndArchivedList() throws {
        for (width, height) in FrameSnapshotTests.sizes {
            let (dashboard, _) = try VersionDetailTests.onCard(DemoWorkspace.failingVersion)
            dashboard.handle(.enter)
            FrameSnapshot.check(dashboard.render(width: width, height: height), named: "demo-version-detail-\(width)x\(height)")
            let (projects, workspace) = DemoDashboard.make()
            try workspace.run(.archiveProject(slug: DemoWorkspace.overdueProject), now: DemoWorkspace.now)
            DemoDashboard.press(projects, .character("2"), .character("v"))
            FrameSnapshot.check(projects.render(width: width, height: height), named: "demo-archived-projects-\(width)x\(height)")
        }
    }

    @Test("the same text on a terminal that is not UTF-8", arguments: [Pane.projects, .approvals])
    func ascii(pane: Pane) {
        let dashboard = UnusualText.dashboard()
        dashboard.switchPane(to: pane)
        let buffer = TerminalCharset.drawing(for: .ascii) { dashboard.render(width: 80, height: 24) }
        FrameSnapshot.check(buffer, named: "ascii-\(pane)-80x24")
    }
}
