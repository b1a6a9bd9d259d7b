import BoardCore
import Testing

/// Asking for a promotion: which stage a version may go to, and one open request at a time.
@Suite struct PromotionRequestRuleTests {
    @Test func aVersionMayBeRequestedOneStageUp() {
        var board = TestBoard.standard()
        let id = board.request(Fixture.v1, to: "staging", reason: "offline eval done")
        let request = board.state.requests[id]
        #expect(id == "PR-1")
        #expect(request?.fromStage == board.config.initialStage)
        #expect(request?.toStage == "staging")
        #expect(request?.requestedBy == Fixture.scientist)
        #expect(request?.reason == "offline eval done")
        #expect(request?.status == .open)
        #expect(board.stage(of: Fixture.v1) == board.config.initialStage)
    }

    @Test func skippingAStageIsRefused() {
        let board = TestBoard.standard()
        board.expectRefusal(
            .requestPromotion(version: Fixture.v1, to: "production", reason: "hurry"), as: Fixture.scientist,
            rule: .stageOrder, mentioning: ["\(Fixture.v1)", "development", "staging or archived", "not production"])
    }

    @Test func stayingInTheSameStageIsRefused() {
        let board = TestBoard.standard()
        board.expectRefusal(
            .requestPromotion(version: Fixture.v1, to: "development", reason: "again"), as: Fixture.scientist,
            rule: .stageOrder, mentioning: ["\(Fixture.v1)"])
    }

    @Test func goingDownTheLadderIsRefused() {
        var board = TestBoard.standard()
        board.promote(Fixture.v1, to: "staging")
        board.expectRefusal(
            .requestPromotion(version: Fixture.v1, to: "development", reason: "back"), as: Fixture.scientist,
            rule: .stageOrder, mentioning: ["\(Fixture.v1)", "staging"])
    }

    @Test func archivingIsAllowedFromAnyLiveStage() {
        var board = TestBoard.standard()
        board.promote(Fixture.v1, to: "archived")
        #expect(board.stage(of: Fixture.v1) == "archived")
        board.promote(Fixture.v2, to: "staging")
        board.promote(Fixture.v2, to: "archived")
        #expect(board.stage(of: Fixture.v2) == "archived")
    }

    @Test func anArchivedVersionCannotBePromoted() {
        var board = TestBoard.standard()
        board.promote(Fixture.v1, to: "archived")
        board.expectRefusal(
            .requestPromotion(version: Fixture.v1, to: "staging", reason: "revive"), as: Fixture.scientist,
            rule: .stageOrder, mentioning: ["\(Fixture.v1)", "archived"])
    }

    @Test func unknownStageVersionAndModelAreRefused() {
        let board = TestBoard.standard()
        board.expectRefusal(
            .requestPromotion(version: Fixture.v1, to: "orbit", reason: "up"), as: Fixture.scientist,
            rule: .unknownVocabulary, mentioning: ["orbit"])
        board.expectRefusal(
            .requestPromotion(version: VersionRef(model: Fixture.model, number: 9), to: "staging", reason: "up"),
            as: Fixture.scientist, rule: .unknownEntity, mentioning: [Fixture.model, "9"])
        board.expectRefusal(
            .requestPromotion(version: VersionRef(model: "no-model", number: 1), to: "staging", reason: "up"),
            as: Fixture.scientist, rule: .unknownEntity, mentioning: ["no-model"])
    }

    @Test func aRequestNeedsAReason() {
        let board = TestBoard.standard()
        board.expectRefusal(
            .requestPromotion(version: Fixture.v1, to: "staging", reason: " \n "), as: Fixture.scientist,
            rule: .invalidText, mentioning: ["reason"])
    }

    @Test func oneOpenRequestPerVersionAndTarget() {
        var board = TestBoard.standard()
        let first = board.request(Fixture.v1, to: "staging")
        board.expectRefusal(
            .requestPromotion(version: Fixture.v1, to: "staging", reason: "again"), as: Fixture.engineer,
            rule: .duplicateOpenRequest, mentioning: ["\(Fixture.v1)", first, "staging"])
        // Another target, or another version, is a separate request.
        let archive = board.request(Fixture.v1, to: "archived")
        let other = board.request(Fixture.v2, to: "staging")
        #expect(Set([first, archive, other]).count == 3)
        // Once the first is closed, a new one may be opened.
        board.run(.withdraw(request: first), as: Fixture.scientist)
        board.request(Fixture.v1, to: "staging")
    }

    @Test func requestIdsCountUp() {
        var board = TestBoard.standard()
        let ids = [Fixture.v1, Fixture.v2, Fixture.v3].map { board.request($0, to: "staging") }
        #expect(ids == ["PR-1", "PR-2", "PR-3"])
        #expect(board.state.counters.requests == 3)
    }

    // MARK: Withdraw

    @Test func theRequesterMayWithdraw() {
        var board = TestBoard.standard()
        let id = board.request(Fixture.v1, to: "staging")
        board.run(.withdraw(request: id), as: Fixture.scientist)
        #expect(board.state.requests[id]?.status == .withdrawn)
        #expect(board.state.requests[id]?.closedBy == Fixture.scientist)
        #expect(board.state.requests[id]?.closedAt == board.now)
    }

    @Test func aLeadMayWithdrawAnyonesRequest() {
        var board = TestBoard.standard()
        let id = board.request(Fixture.v1, to: "staging")
        board.run(.withdraw(request: id), as: Fixture.lead)
        #expect(board.state.requests[id]?.status == .withdrawn)
    }

    @Test func othersMayNotWithdraw() {
        var board = TestBoard.standard()
        let id = board.request(Fixture.v1, to: "staging")
        board.expectRefusal(
            .withdraw(request: id), as: Fixture.engineer, rule: .requesterOnly, mentioning: [id, Fixture.scientist])
    }

    @Test func aClosedRequestCannotBeWithdrawnOrReviewed() {
        var board = TestBoard.standard()
        let id = board.request(Fixture.v1, to: "staging")
        board.run(.withdraw(request: id), as: Fixture.scientist)
        board.expectRefusal(.withdraw(request: id), as: Fixture.scientist, rule: .requestNotOpen, mentioning: [id, "withdrawn"])
        board.expectRefusal(
            .approve(request: id, comment: nil, overrideReason: nil), as: Fixture.engineer, rule: .requestNotOpen,
            mentioning: [id])
        board.expectRefusal(.reject(request: id, comment: "no"), as: Fixture.engineer, rule: .requestNotOpen, mentioning: [id])
    }

    @Test func unknownRequestIsRefused() {
        let board = TestBoard.standard()
        board.expectRefusal(.withdraw(request: "PR-42"), as: Fixture.lead, rule: .unknownEntity, mentioning: ["PR-42"])
        board.expectRefusal(
            .approve(request: "PR-42", comment: nil, overrideReason: nil), as: Fixture.lead, rule: .unknownEntity,
            mentioning: ["PR-42"])
    }
}
