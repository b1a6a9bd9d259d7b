import BoardCore
import BoardDemo
import Testing
@testable import BoardTUI

@Suite("The Overview says when a registry bridge last synced")
struct BridgeSyncDisplayTests {
    init() { _ = UTF8Locale.ready }

    @Test("no line before any sync; after one, when, who and what it changed")
    func lastSyncShows() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        #expect(!dashboard.render(width: 160, height: 48).text.contains("sync:"))
        try workspace.run(
            .recordBridgeSync(bridge: "mlflow", target: "http://mlflow.internal:5000", pulled: 2, pushed: 1),
            now: DemoWorkspace.now)
        let screen = dashboard.render(width: 160, height: 48).text
        #expect(screen.contains("Last mlflow sync: 0s ago by \(DemoWorkspace.leadHandle) (pulled 2 versions, pushed 1 change)"), "\(screen)")
        #expect(screen.contains("  with http://mlflow.internal:5000"))
    }
}
