import BoardCore
import Testing

/// Reviewing a promotion: who may approve, how many must, and what a reached quorum does.
@Suite struct ApprovalRuleTests {
    @Test func anApproverWithTheRightMovesAVersionToStaging() {
        var board = TestBoard.standard()
        let id = board.request(Fixture.v1, to: "staging")
        let events = board.run(.approve(request: id, comment: "metrics fine", overrideReason: nil), as: Fixture.engineer)
        #expect(board.config.approvalsRequired(for: "staging") == 1)
        #expect(events.map(\.typeName) == ["approvalRecorded", "requestApproved", "stageChanged", "aliasMoved"])
        let request = board.state.requests[id]
        #expect(request?.status == .approved)
        #expect(request?.approvals.map(\.by) == [Fixture.engineer])
        #expect(request?.approvals.first?.comment == "metrics fine")
        #expect(request?.approvals.first?.failedGates == [])
        #expect(board.stage(of: Fixture.v1) == "staging")
        let move = board.state.stageMoves.last
        #expect(move?.version == Fixture.v1)
        #expect(move?.from == "development")
        #expect(move?.to == "staging")
        #expect(move?.request == id)
        #expect(move?.by == Fixture.engineer)
    }

    @Test func approvingWithoutTheRightForTheTargetStageIsRefused() {
        var board = TestBoard.standard()
        let id = board.request(Fixture.v1, to: "staging")
        // bob may approve production only; dana nothing.
        board.expectRefusal(
            .approve(request: id, comment: nil, overrideReason: nil), as: Fixture.officer, rule: .approvalRight,
            mentioning: [Fixture.officer, "staging"])
        board.expectRefusal(
            .approve(request: id, comment: nil, overrideReason: nil), as: Fixture.scientist, rule: .approvalRight,
            mentioning: [Fixture.scientist])
    }

    @Test func nobodyApprovesTheirOwnRequest() {
        var board = TestBoard.standard()
        let id = board.request(Fixture.v1, to: "staging", by: Fixture.engineer)
        board.expectRefusal(
            .approve(request: id, comment: nil, overrideReason: nil), as: Fixture.engineer, rule: .separationOfDuties,
            mentioning: [Fixture.engineer, id])
        board.run(.approve(request: id, comment: nil, overrideReason: nil), as: Fixture.lead)
        #expect(board.stage(of: Fixture.v1) == "staging")
    }

    @Test func productionNeedsTwoApprovalsAndTheFirstLeavesTheVersionInStaging() {
        var board = TestBoard.standard()
        board.promote(Fixture.v1, to: "staging")
        let id = board.request(Fixture.v1, to: "production")
        #expect(board.config.approvalsRequired(for: "production") == 2)

        let first = board.run(.approve(request: id, comment: nil, overrideReason: nil), as: Fixture.engineer)
        #expect(first.count == 1)
        #expect(board.stage(of: Fixture.v1) == "staging")
        #expect(board.state.requests[id]?.status == .open)
        #expect(board.state.requests[id]?.approvals.count == 1)

        board.run(.approve(request: id, comment: nil, overrideReason: nil), as: Fixture.officer)
        #expect(board.stage(of: Fixture.v1) == "production")
        #expect(board.state.requests[id]?.status == .approved)
        #expect(board.state.requests[id]?.approvals.map(\.by) == [Fixture.engineer, Fixture.officer])
    }

    @Test func approvalsRequiredComeFromThePolicy() {
        var config = Fixture.config()
        config.policy.approvalsRequired["staging"] = 2
        var board = TestBoard.standard(config: config)
        let id = board.request(Fixture.v1, to: "staging")
        board.run(.approve(request: id, comment: nil, overrideReason: nil), as: Fixture.engineer)
        #expect(board.stage(of: Fixture.v1) == "development")
        board.run(.approve(request: id, comment: nil, overrideReason: nil), as: Fixture.lead)
        #expect(board.stage(of: Fixture.v1) == "staging")
    }

    @Test func onePersonApprovesOnce() {
        var board = TestBoard.standard()
        board.promote(Fixture.v1, to: "staging")
        let id = board.request(Fixture.v1, to: "production")
        board.run(.approve(request: id, comment: nil, overrideReason: nil), as: Fixture.engineer)
        board.expectRefusal(
            .approve(request: id, comment: nil, overrideReason: nil), as: Fixture.engineer, rule: .oneApprovalPerPerson,
            mentioning: [Fixture.engineer, id])
        #expect(board.stage(of: Fixture.v1) == "staging")
    }

    @Test func approvalCommentMayNotCarryEscapes() {
        var board = TestBoard.standard()
        let id = board.request(Fixture.v1, to: "staging")
        board.expectRefusal(
            .approve(request: id, comment: "\u{1B}[2J", overrideReason: nil), as: Fixture.engineer,
            rule: .controlCharacters, mentioning: ["comment"])
    }

    // MARK: Reject

    @Test func rejectionWithACommentClosesTheRequest() {
        var board = TestBoard.standard()
        let id = board.request(Fixture.v1, to: "staging")
        board.run(.reject(request: id, comment: "needs a holdout set"), as: Fixture.engineer)
        let request = board.state.requests[id]
        #expect(request?.status == .rejected)
        #expect(request?.closingComment == "needs a holdout set")
        #expect(request?.closedBy == Fixture.engineer)
        #expect(board.stage(of: Fixture.v1) == "development")
    }

    @Test(arguments: ["", "   ", "\n\t"])
    func rejectionNeedsAComment(comment: String) {
        var board = TestBoard.standard()
        let id = board.request(Fixture.v1, to: "staging")
        board.expectRefusal(
            .reject(request: id, comment: comment), as: Fixture.engineer, rule: .commentRequired, mentioning: [id])
    }

    @Test func rejectionNeedsTheApprovalRight() {
        var board = TestBoard.standard()
        let id = board.request(Fixture.v1, to: "staging")
        board.expectRefusal(
            .reject(request: id, comment: "no"), as: Fixture.officer, rule: .approvalRight,
            mentioning: [Fixture.officer, "staging"])
    }

    // MARK: Stale requests

    @Test func aRequestWhoseVersionMovedMeanwhileIsStale() {
        // Two requests on one version only arise side by side when something outside the
        // quorum moved it; here a journal line from elsewhere moves it directly.
        var board = TestBoard.standard()
        let id = board.request(Fixture.v1, to: "staging")
        var state = board.state
        apply(EventRecord(
            sequence: state.lastSequence + 1, at: board.now, actor: Fixture.actor(Fixture.lead),
            event: .stageChanged(StageMove(
                version: Fixture.v1, from: "development", to: "archived", at: board.now, by: Fixture.lead,
                reason: "imported"))), to: &state)
        let result = decide(
            .approve(request: id, comment: nil, overrideReason: nil), state: state, actor: Fixture.actor(Fixture.engineer),
            now: board.now)
        #expect(result.violation?.rule == .staleRequest)
        #expect(result.violation?.message.contains(id) == true)
        #expect(result.violation?.message.contains("\(Fixture.v1)") == true)
        #expect(result.violation?.message.contains("archived") == true)
    }

    // MARK: What a reached quorum does

    @Test func reachingProductionArchivesTheVersionItReplaces() {
        var board = TestBoard.withV1InProduction()
        #expect(board.stage(of: Fixture.v1) == "production")
        board.promote(Fixture.v3, to: "staging")
        let id = board.promote(Fixture.v3, to: "production")
        #expect(board.stage(of: Fixture.v3) == "production")
        #expect(board.stage(of: Fixture.v1) == "archived")
        let retirement = board.state.stageMoves.last { $0.version == Fixture.v1 }
        #expect(retirement?.from == "production")
        #expect(retirement?.to == "archived")
        #expect(retirement?.request == id)
        #expect(retirement?.reason.contains("v3") == true)
    }

    @Test func withArchivingOffTheReplacedVersionStaysInProduction() {
        var board = TestBoard.withV1InProduction(config: Fixture.config(archiveReplacedVersion: false))
        board.promote(Fixture.v3, to: "staging")
        board.promote(Fixture.v3, to: "production")
        #expect(board.stage(of: Fixture.v3) == "production")
        #expect(board.stage(of: Fixture.v1) == "production")
    }

    @Test func reachingTheQuorumSupersedesOtherOpenRequestsOnTheVersion() {
        var board = TestBoard.standard()
        let staging = board.request(Fixture.v1, to: "staging")
        let archive = board.request(Fixture.v1, to: "archived")
        let unrelated = board.request(Fixture.v2, to: "staging")
        board.run(.approve(request: staging, comment: nil, overrideReason: nil), as: Fixture.engineer)
        #expect(board.state.requests[staging]?.status == .approved)
        #expect(board.state.requests[archive]?.status == .superseded)
        #expect(board.state.requests[archive]?.closingComment?.contains(staging) == true)
        #expect(board.state.requests[unrelated]?.status == .open)
    }

    @Test func reachingProductionSupersedesOpenRequestsOnTheReplacedVersion() {
        var board = TestBoard.withV1InProduction()
        let retireV1 = board.request(Fixture.v1, to: "archived")
        board.promote(Fixture.v3, to: "staging")
        board.promote(Fixture.v3, to: "production")
        #expect(board.state.requests[retireV1]?.status == .superseded)
        #expect(board.state.openRequests(for: Fixture.v1).isEmpty)
    }

    @Test func aRequestSupersededByTheQuorumCannotBeApprovedLater() {
        var board = TestBoard.standard()
        let staging = board.request(Fixture.v1, to: "staging")
        let archive = board.request(Fixture.v1, to: "archived")
        board.run(.approve(request: staging, comment: nil, overrideReason: nil), as: Fixture.engineer)
        board.expectRefusal(
            .approve(request: archive, comment: nil, overrideReason: nil), as: Fixture.lead, rule: .requestNotOpen,
            mentioning: [archive, "superseded"])
    }

    @Test func anApprovalStopsCountingWhenItsApproverLosesTheRight() {
        var board = TestBoard.standard()
        board.promote(Fixture.v1, to: "staging")
        let id = board.request(Fixture.v1, to: "production")
        board.run(.approve(request: id, comment: nil, overrideReason: nil), as: Fixture.officer)
        board.run(.setApprovalRights(handle: Fixture.officer, stages: []), as: Fixture.lead)
        let request = board.state.requests[id]!
        #expect(board.state.countedApprovers(of: request).isEmpty, "bob's approval is recorded but no longer counts")
        board.run(.approve(request: id, comment: nil, overrideReason: nil), as: Fixture.engineer)
        #expect(board.state.requests[id]?.status == .open, "one counted approval of two")
        #expect(board.stage(of: Fixture.v1) == "staging")
        board.run(.approve(request: id, comment: nil, overrideReason: nil), as: Fixture.lead)
        #expect(board.state.requests[id]?.status == .approved)
        #expect(board.stage(of: Fixture.v1) == "production")
    }

    @Test func aBadlySignedApprovalNeverCountsAndItsApproverMayApproveForReal() {
        var board = TestBoard.standard()
        board.promote(Fixture.v1, to: "staging")
        let id = board.request(Fixture.v1, to: "production")
        var forged = board.state
        forged.requests[id]?.approvals.append(Approval(
            by: Fixture.officer, at: board.now, comment: nil, overrideReason: nil, failedGates: [],
            signature: .bad(reason: "signed with another key")))
        let request = forged.requests[id]!
        #expect(forged.countedApprovers(of: request).isEmpty)
        let decision = decide(.approve(request: id, comment: nil, overrideReason: nil), state: forged,
                              actor: Fixture.actor(Fixture.officer), now: board.now)
        #expect((try? decision.get())?.count == 1, "bob approves for real: one approval, no quorum yet")
    }
}
