import BoardCore
import BoardDemo
import BoardStore
import Testing
@testable import BoardTUI

/// What the dashboard shows of signatures: the key you sign with, and what each line's and each
/// approval's signature proves.
@Suite("Signatures on the dashboard")
struct SignatureDisplayTests {
    @Test func theHeaderSaysUnsignedOrTheKeyYouSignWith() {
        let (dashboard, workspace) = DemoDashboard.make()
        #expect(dashboard.render(width: 200, height: 40).line(0).contains("· unsigned ·"))
        workspace.signingKey = SigningKeyStatus(label: "ED25519 Re+xJUl8", detail: "signing as amara-okafor", usable: true)
        #expect(dashboard.render(width: 200, height: 40).line(0).contains("signs with ED25519 Re+xJUl8"))
        workspace.signingKey = SigningKeyStatus(label: "no signing key", detail: "ssh-agent holds no key registered to amara-okafor", usable: false)
        var state = workspace.state
        state.signing.policy = .required
        let required = MemoryWorkspace(state: state, me: workspace.me)
        required.signingKey = workspace.signingKey
        let strict = Dashboard(workspace: required, clock: { DemoWorkspace.now })
        #expect(strict.render(width: 200, height: 40).line(0).contains("· no signing key ·"))
        strict.handle(.character("?"))
        #expect(strict.render(width: 200, height: 40).text.contains("Signing: ssh-agent holds no key registered to amara-okafor"))
    }

    @Test func activityMarksEachLineAndTheReviewCountsOnlyGoodApprovals() throws {
        _ = UTF8Locale.ready  // the marks are drawn as a UTF-8 terminal shows them, whichever test runs first
        var state = DemoDashboard.built.state
        let request = try #require(state.requests.values.filter { $0.isOpen && !$0.approvals.isEmpty }.min { $0.id < $1.id })
        state.requests[request.id]?.approvals[0].signature = .bad(reason: "signed with bob's key")
        let newest = try #require(state.activity.indices.last)
        state.activity[newest].signature = .verified(fingerprint: "SHA256:Re+xJUl87PL2eYoG")
        state.activity[newest - 1].signature = .bad(reason: "not registered")
        let workspace = MemoryWorkspace(state: state, me: Actor(handle: DemoWorkspace.leadHandle, osUser: "test"))
        let dashboard = Dashboard(workspace: workspace, clock: { DemoWorkspace.now })
        dashboard.handle(.character("7"))
        let activity = dashboard.render(width: 200, height: 40)
        let rows = (0..<activity.height).map { activity.line($0) }
        #expect(rows.contains { $0.contains("\(state.activity[newest].sequence) ") && $0.contains("verified") })
        #expect(rows.contains { $0.contains("\(state.activity[newest - 1].sequence) ") && $0.contains("BAD") })

        #expect(!state.countedApprovers(of: try #require(state.requests[request.id])).contains(request.approvals[0].by))
        dashboard.handle(.character("6"))
        let approvals = dashboard.rows.requests
        let row = try #require(approvals.firstIndex { $0.id == request.id })
        for _ in 0..<row { dashboard.handle(.character("j")) }
        dashboard.handle(.enter)
        let review = dashboard.render(width: 200, height: 60).text
        let needed = state.config.approvalsRequired(for: request.toStage)
        #expect(review.contains("Approvals: \(request.approvals.count - 1) of \(needed)"), "\(review)")
        #expect(review.contains("✗ \(request.approvals[0].by)"))
        #expect(review.contains("BAD signature: signed with bob's key"))
        #expect(review.contains("(not counted)"))
    }
}
