import BoardCore
import Testing

/// Rollback returns the previous production version and archives the current one.
@Suite struct RollbackTests {
    /// v1 went to production, then v3 replaced it (v1 archived).
    private func boardWithV3ReplacingV1() -> TestBoard {
        var board = TestBoard.withV1InProduction()
        board.promote(Fixture.v3, to: "staging")
        board.promote(Fixture.v3, to: "production")
        return board
    }

    @Test func rollbackReturnsThePreviousProductionVersion() {
        var board = boardWithV3ReplacingV1()
        #expect(board.stage(of: Fixture.v1) == "archived")
        board.run(.rollback(model: Fixture.model, reason: "v3 latency spikes"), as: Fixture.lead)
        #expect(board.stage(of: Fixture.v1) == "production")
        #expect(board.stage(of: Fixture.v3) == "archived")
        let moves = board.state.stageMoves.suffix(2)
        #expect(moves.map(\.version) == [Fixture.v3, Fixture.v1])
        #expect(moves.allSatisfy { $0.reason.contains("v3 latency spikes") && $0.by == Fixture.lead })
        #expect(moves.last?.from == "archived")
    }

    @Test func rollbackWithNoEarlierProductionVersionIsRefused() {
        let board = TestBoard.withV1InProduction()
        board.expectRefusal(
            .rollback(model: Fixture.model, reason: "bad"), as: Fixture.lead, rule: .nothingToRollBack,
            mentioning: [Fixture.model])
    }

    @Test func rollbackOfAModelNeverInProductionIsRefused() {
        let board = TestBoard.standard()
        board.expectRefusal(
            .rollback(model: Fixture.model, reason: "bad"), as: Fixture.lead, rule: .nothingToRollBack,
            mentioning: [Fixture.model])
    }

    @Test func rollbackNeedsTheProductionApprovalRight() {
        let board = boardWithV3ReplacingV1()
        board.expectRefusal(
            .rollback(model: Fixture.model, reason: "bad"), as: Fixture.scientist, rule: .approvalRight,
            mentioning: [Fixture.scientist, Fixture.model, "production"])
    }

    @Test func rollbackNeedsAReason() {
        let board = boardWithV3ReplacingV1()
        board.expectRefusal(
            .rollback(model: Fixture.model, reason: " "), as: Fixture.lead, rule: .invalidText,
            mentioning: ["rollback reason"])
    }

    @Test func rollbackOfAnUnknownModelIsRefused() {
        let board = boardWithV3ReplacingV1()
        board.expectRefusal(
            .rollback(model: "ghost-model", reason: "x"), as: Fixture.lead, rule: .unknownEntity,
            mentioning: ["ghost-model"])
    }

    @Test func rollbackSupersedesOpenRequestsOnTheVersionsItMoves() {
        var board = boardWithV3ReplacingV1()
        let retireV3 = board.request(Fixture.v3, to: "archived")
        let promoteV2 = board.request(Fixture.v2, to: "staging")
        board.run(.rollback(model: Fixture.model, reason: "bad"), as: Fixture.engineer)
        #expect(board.state.requests[retireV3]?.status == .superseded)
        #expect(board.state.requests[promoteV2]?.status == .open)
    }

    @Test func rollbackAfterTheProductionVersionWasArchivedBringsItBack() {
        var board = TestBoard.withV1InProduction()
        board.promote(Fixture.v1, to: "archived")
        #expect(board.state.versions(of: Fixture.model).allSatisfy { $0.stage != "production" })
        board.run(.rollback(model: Fixture.model, reason: "archived by mistake"), as: Fixture.lead)
        #expect(board.stage(of: Fixture.v1) == "production")
    }

    @Test func aSecondRollbackReturnsToTheVersionTheFirstOneRemoved() {
        var board = boardWithV3ReplacingV1()
        board.run(.rollback(model: Fixture.model, reason: "first"), as: Fixture.lead)
        board.run(.rollback(model: Fixture.model, reason: "second"), as: Fixture.lead)
        #expect(board.stage(of: Fixture.v3) == "production")
        #expect(board.stage(of: Fixture.v1) == "archived")
    }
}
