import BoardCore
import BoardDemo
import BoardTUI

/// A dashboard over the demo workspace, in memory, at the demo's own "now".
enum DemoDashboard {
    static let built = DemoWorkspace.build()

    static func make(as handle: String = DemoWorkspace.leadHandle) -> (Dashboard, MemoryWorkspace) {
        _ = UTF8Locale.ready
        let workspace = MemoryWorkspace(state: built.state, me: Actor(handle: handle, osUser: "test"), records: built.records)
        let dashboard = Dashboard(workspace: workspace, clock: { DemoWorkspace.now })
        return (dashboard, workspace)
    }

    static func press(_ dashboard: Dashboard, _ keys: Key...) {
        for key in keys { dashboard.handle(key) }
    }

    static func type(_ dashboard: Dashboard, _ text: String) {
        for character in text { dashboard.handle(.character(character)) }
    }
}

extension CellBuffer {
    /// Whether every row is exactly `width` columns wide: wide characters are measured right.
    var rowsAreAligned: Bool {
        (0..<height).allSatisfy { DisplayWidth.of(line($0)) == width }
    }
}
