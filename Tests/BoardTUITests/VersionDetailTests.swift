import BoardCore
import BoardDemo
import Testing
@testable import BoardTUI

/// Enter on a card of the model board opens the version's detail, which owns the keys like
/// the other details.
@Suite("A model version's detail")
struct VersionDetailTests {
    /// The dashboard on the Models pane with the cursor on `ref`'s card.
    static func onCard(_ ref: VersionRef) throws -> (Dashboard, MemoryWorkspace) {
        let (dashboard, workspace) = DemoDashboard.make()
        dashboard.handle(.character("4"))
        let board = dashboard.rows.versionsByStage
        let column = try #require(board.firstIndex { $0.versions.contains { $0.ref == ref } })
        for _ in 0..<column { dashboard.handle(.character("l")) }
        let row = try #require(board[column].versions.firstIndex { $0.ref == ref })
        for _ in 0..<row { dashboard.handle(.character("j")) }
        #expect(dashboard.selectedVersion?.ref == ref)
        return (dashboard, workspace)
    }

    @Test("Enter shows metrics against the gates, stage history, requests with approvals, and comments")
    func showsTheVersionsStory() throws {
        let ref = DemoWorkspace.failingVersion
        let (dashboard, workspace) = try Self.onCard(ref)
        try workspace.run(.comment(on: .version(ref), body: "recall dropped on the March data"), now: DemoWorkspace.now)
        dashboard.handle(.enter)
        guard case .versionDetail(let shown) = dashboard.ui.detail else {
            Issue.record("no version detail open: \(dashboard.ui.overlays)")
            return
        }
        #expect(shown == ref)
        let screen = dashboard.render(width: 200, height: 60).text
        let state = workspace.state
        let model = try #require(state.models[ref.model])
        #expect(screen.contains("Metrics against the gates of \(ref.model)"))
        for threshold in model.thresholds { #expect(screen.contains(threshold.text), "threshold \(threshold.text)") }
        #expect(screen.contains("✗ FAIL"), "the failing gate is marked:\n\(screen)")
        #expect(screen.contains("Stage and alias history"))
        for move in state.stageHistory(of: ref.model) where move.version == ref {
            #expect(screen.contains("\(move.from) → \(move.to) by \(move.by)"), "move to \(move.to)")
        }
        let requests = state.requests.values.filter { $0.version == ref }
        #expect(!requests.isEmpty)
        for request in requests {
            #expect(screen.contains("\(request.id) \(request.fromStage) → \(request.toStage) · \(request.status.rawValue)"))
            for approval in request.approvals { #expect(screen.contains("✓ \(approval.by) ")) }
        }
        #expect(screen.contains("recall dropped on the March data"))
    }

    @Test("j scrolls the detail, c comments on and p requests a promotion of the version shown, q closes")
    func keysActOnTheVersionShown() throws {
        let ref = DemoWorkspace.failingVersion
        let (dashboard, _) = try Self.onCard(ref)
        let row = dashboard.ui.modelsRow[dashboard.ui.modelsColumn] ?? 0
        dashboard.handle(.enter)
        _ = dashboard.render(width: 80, height: 24)
        DemoDashboard.press(dashboard, .character("j"), .character("j"))
        #expect(dashboard.ui.detailScroll == 2, "the detail scrolls at 80x24")
        #expect(dashboard.ui.modelsRow[dashboard.ui.modelsColumn] ?? 0 == row, "the cards behind stay")
        dashboard.handle(.character("c"))
        #expect(dashboard.render(width: 120, height: 40).text.contains("Comment on version \(ref)"))
        DemoDashboard.type(dashboard, "looks right")
        dashboard.handle(.enter)
        #expect(dashboard.state.comments(on: .version(ref)).last?.body == "looks right")
        #expect(dashboard.ui.detail != nil, "back in the detail after the comment")
        dashboard.handle(.character("p"))
        #expect(dashboard.render(width: 120, height: 40).text.contains("Request promotion of \(ref)"))
        DemoDashboard.press(dashboard, .escape, .character("n"))
        guard case .versionDetail = dashboard.ui.overlays.last else {
            Issue.record("n does nothing behind the detail: \(dashboard.ui.overlays)")
            return
        }
        dashboard.handle(.character("q"))
        #expect(!dashboard.isQuitting)
        #expect(dashboard.ui.overlays.isEmpty)
    }

    @Test("the footer of the detail lists its own keys")
    func footer() throws {
        let (dashboard, _) = try Self.onCard(DemoWorkspace.failingVersion)
        dashboard.handle(.enter)
        let footer = dashboard.render(width: 120, height: 40).line(38)
        #expect(footer.contains("p request a promotion or alias move"), "\(footer)")
        #expect(footer.contains("c comment on this version"))
        #expect(footer.contains("Esc/q close"))
    }
}

/// The promotion form offers the aliases of the version's own stage that name another version.
@Suite("Requesting an alias move from the dashboard")
struct AliasMoveFormTests {
    @Test("p on a production version that is not champion offers @champion, which asks for an alias move")
    func promotionFormOffersTheAliasesOfTheStage() throws {
        var config = WorkspaceConfig.defaults(name: "aliases")
        config.policy.archiveReplacedVersion = false
        let ref = VersionRef(model: "churn", number: 1)
        let version = ModelVersion(
            ref: ref, metrics: [:], source: "run-1", stage: "production", registeredAt: Instant(millis: 0), registeredBy: "ana")
        let model = MLModel(slug: "churn", project: "p", name: "Churn", aliases: ["champion": 2])
        var form = Forms.requestPromotion(version, model: model, config: config)
        guard case .choice(let targets) = try #require(form.fields.first).kind else {
            Issue.record("the target is not a choice")
            return
        }
        #expect(targets == ["archived", "@champion"])
        form.fields[0].value = "@champion"
        form.fields[1].value = "v2 drifts"
        #expect(form.purpose.command(from: form) == .requestAliasMove(version: ref, alias: "champion", reason: "v2 drifts"))

        let holder = MLModel(slug: "churn", project: "p", name: "Churn", aliases: ["champion": 1])
        let holding = Forms.requestPromotion(version, model: holder, config: config)
        guard case .choice(let choices) = try #require(holding.fields.first).kind else { return }
        #expect(choices == ["archived"], "the alias it already holds is not offered")
    }
}
