import BoardCore
import BoardDemo
import Testing
@testable import BoardTUI

/// Rights, separation of duties and one approval per person are asked before any form opens,
/// and `a`/`r` show in the footer only where they can succeed.
@Suite("Approve and reject only where they can succeed")
struct ApprovalRightsTests {
    /// A dashboard as `handle`, on the Approvals pane with `request` selected.
    func onRequest(_ request: PromotionRequest, as handle: String) throws -> (Dashboard, MemoryWorkspace) {
        let (dashboard, workspace) = DemoDashboard.make(as: handle)
        dashboard.handle(.character("6"))
        let rows = PaneRows(state: workspace.state, ui: dashboard.ui, me: handle, now: DemoWorkspace.now).requests
        let index = try #require(rows.firstIndex { $0.id == request.id })
        for _ in 0..<index { dashboard.handle(.down) }
        return (dashboard, workspace)
    }

    func footer(_ dashboard: Dashboard) -> [String] { dashboard.footerHints().map(\.help) }

    @Test("your own request: a and r say why at once, open nothing, and are not offered")
    func ownRequest() throws {
        let state = DemoDashboard.built.state
        let request = try #require(state.requests.values.filter { $0.status == .open }.sorted { $0.id < $1.id }.first {
            state.stakeholders[$0.requestedBy]?.mayApprove(to: $0.toStage) == true
        })
        let (dashboard, _) = try onRequest(request, as: request.requestedBy)
        #expect(!footer(dashboard).contains { $0.hasPrefix("approve") }, "\(footer(dashboard))")
        dashboard.handle(.character("a"))
        #expect(dashboard.ui.overlays.isEmpty, "no form opened")
        #expect(dashboard.ui.status.text.contains("may not approve"), "\(dashboard.ui.status.text)")
        dashboard.handle(.enter)
        #expect(!footer(dashboard).contains { $0.hasPrefix("approve") }, "not in the review either: \(footer(dashboard))")
    }

    @Test("no right for the target stage: neither approve nor reject opens a form")
    func noRight() throws {
        let state = DemoDashboard.built.state
        let request = try #require(state.requests.values.filter { $0.status == .open }.sorted { $0.id < $1.id }.first)
        let outsider = try #require(state.stakeholders.values.sorted { $0.handle < $1.handle }.first {
            !$0.mayApprove(to: request.toStage) && $0.handle != request.requestedBy
        })
        let (dashboard, _) = try onRequest(request, as: outsider.handle)
        #expect(!footer(dashboard).contains { $0.hasPrefix("approve") || $0.hasPrefix("reject") }, "\(footer(dashboard))")
        for key in ["a", "r"] {
            dashboard.handle(.character(Character(key)))
            #expect(dashboard.ui.overlays.isEmpty, "\(key) opened nothing")
            #expect(dashboard.ui.status.text.contains("no right"), "\(dashboard.ui.status.text)")
        }
    }

    @Test("an approver with the right sees a and r and gets the form")
    func approverGetsTheForm() throws {
        let state = DemoDashboard.built.state
        let request = try #require(state.requestsAwaiting(DemoWorkspace.leadHandle).sorted { $0.id < $1.id }.first)
        let (dashboard, _) = try onRequest(request, as: DemoWorkspace.leadHandle)
        #expect(footer(dashboard).contains { $0.hasPrefix("approve") }, "\(footer(dashboard))")
        dashboard.handle(.character("a"))
        #expect(dashboard.ui.overlays.count == 1, "the approval form opened")
    }
}
