import TestSupport
import BoardCore
import BoardStore
import BoardTUI
import Foundation
import Testing

@Suite("Comments written by another process")
struct CommentsFromElsewhereTests {
    @Test("comments another process writes after this one opened are seen, by the store and in an open project detail")
    func seenAfterOpening() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        try workspace.comment(3, tag: "early")
        try workspace.open().writeSnapshot()
        let store = try workspace.open()
        let dashboard = Dashboard(workspace: StoreWorkspace(store: store, me: TestWorkspace.lead))
        dashboard.ui.overlays = [.projectDetail(slug: TestWorkspace.project)]
        let before = dashboard.render(width: 120, height: 40).text
        #expect(before.contains("lea: early 2"))
        #expect(!before.contains("from elsewhere"))

        let other = try Binary.run(["comment", "--project", TestWorkspace.project, "from elsewhere"], environment: workspace.environment)
        #expect(other.status == 0, "\(other.stderr)")
        try store.refresh()
        #expect(try store.comments(on: .project(TestWorkspace.project)).last?.body == "from elsewhere")
        #expect(dashboard.render(width: 120, height: 40).text.contains("lea: from elsewhere"))
    }
}
