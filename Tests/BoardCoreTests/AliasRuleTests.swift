import BoardCore
import Testing

/// Aliases follow the stage they imply, move back on rollback, and move by hand only through
/// a request approved like a promotion to that stage.
@Suite struct AliasRuleTests {
    private func aliases(_ board: TestBoard) -> [String: Int] { board.state.models[Fixture.model]?.aliases ?? [:] }

    @Test func aVersionEnteringStagingBecomesTheChallenger() {
        var board = TestBoard.standard()
        board.promote(Fixture.v1, to: "staging")
        #expect(aliases(board) == ["challenger": 1])
        let move = board.state.aliasMoves.last
        #expect(move?.alias == "challenger" && move?.from == nil && move?.to == 1)
        #expect(move?.request == "PR-1" && move?.sequence == board.state.lastSequence)
    }

    @Test func reachingProductionTakesChampionAndLeavesChallengerFree() {
        let board = TestBoard.withV1InProduction()
        #expect(aliases(board) == ["champion": 1])
        #expect(board.state.aliasMoves.map(\.summary) == ["@challenger → v1", "@challenger off v1", "@champion → v1"])
    }

    @Test func aReplacingPromotionMovesChampionInOneEvent() {
        var board = TestBoard.withV1InProduction()
        board.promote(Fixture.v3, to: "staging")
        board.promote(Fixture.v3, to: "production")
        #expect(board.stage(of: Fixture.v1) == "archived")
        #expect(aliases(board) == ["champion": 3])
        let champion = board.state.aliasMoves.filter { $0.alias == "champion" }.last
        #expect(champion?.from == 1 && champion?.to == 3)
    }

    @Test func rollbackMovesChampionBack() {
        var board = TestBoard.withV1InProduction()
        board.promote(Fixture.v3, to: "staging")
        board.promote(Fixture.v3, to: "production")
        board.run(.rollback(model: Fixture.model, reason: "v3 latency spikes"), as: Fixture.lead)
        #expect(aliases(board) == ["champion": 1])
        let move = board.state.aliasMoves.last
        #expect(move?.from == 3 && move?.to == 1 && move?.request == nil)
        #expect(move?.reason.contains("v3 latency spikes") == true)
    }

    @Test func archivingTheChampionTakesTheAliasOff() {
        var board = TestBoard.withV1InProduction()
        board.promote(Fixture.v1, to: "archived")
        #expect(aliases(board) == [:])
        #expect(board.state.aliasMoves.last?.summary == "@champion off v1")
    }

    @Test func anAliasMovedByHandNeedsTheApprovalsOfItsStage() {
        var config = Fixture.config(archiveReplacedVersion: false)
        config.policy.approvalsRequired["production"] = 2
        var board = TestBoard.withV1InProduction(config: config)
        board.promote(Fixture.v3, to: "staging")
        board.promote(Fixture.v3, to: "production")
        #expect(board.stage(of: Fixture.v1) == "production")
        #expect(aliases(board)["champion"] == 3)

        let events = board.run(.requestAliasMove(version: Fixture.v1, alias: "champion", reason: "v3 drifts"), as: Fixture.scientist)
        guard case .promotionRequested(let request)? = events.first else { Issue.record("no request"); return }
        #expect(request.alias == "champion" && request.toStage == "production" && request.target == "@champion")

        board.expectRefusal(
            .approve(request: request.id, comment: nil, overrideReason: nil), as: Fixture.scientist, rule: .approvalRight)
        board.run(.approve(request: request.id, comment: nil, overrideReason: nil), as: Fixture.engineer)
        #expect(aliases(board)["champion"] == 3, "one approval of two moves nothing")
        board.run(.approve(request: request.id, comment: nil, overrideReason: nil), as: Fixture.officer)
        #expect(aliases(board)["champion"] == 1)
        #expect(board.state.requests[request.id]?.status == .approved)
        #expect(board.stage(of: Fixture.v1) == "production" && board.stage(of: Fixture.v3) == "production")
        let move = board.state.aliasMoves.last
        #expect(move?.from == 3 && move?.to == 1 && move?.request == request.id)
    }

    @Test func anAliasMovesByHandOnlyOntoAVersionInItsStage() {
        let board = TestBoard.withV1InProduction()
        board.expectRefusal(
            .requestAliasMove(version: Fixture.v3, alias: "champion", reason: "try it"), as: Fixture.scientist,
            rule: .stageOrder, mentioning: ["@champion", "development", "request its promotion"])
        board.expectRefusal(
            .requestAliasMove(version: Fixture.v1, alias: "champion", reason: "again"), as: Fixture.scientist,
            rule: .nothingToChange)
        board.expectRefusal(
            .requestAliasMove(version: Fixture.v1, alias: "golden", reason: "new"), as: Fixture.scientist,
            rule: .unknownVocabulary, mentioning: ["golden", "champion"])
    }

    @Test func lineageIsRecordedAndCheckedFieldByField() {
        var board = TestBoard.standard()
        let lineage = VersionLineage(
            sourceURI: "runs:/abc/model", runID: "abc", codeCommit: "0f3c2e1", dataset: "events@2026-11",
            tags: ["team": "retention"])
        board.run(.registerVersion(model: Fixture.model, metrics: ["auc": 0.9], source: "run-104", lineage: lineage), as: Fixture.scientist)
        #expect(board.state.versions[VersionRef(model: Fixture.model, number: 4)]?.lineage == lineage)

        let bad = VersionLineage(runID: "abc\u{1B}[2J")
        board.expectRefusal(
            .registerVersion(model: Fixture.model, metrics: [:], source: "run-105", lineage: bad), as: Fixture.scientist,
            rule: .controlCharacters, mentioning: ["run id"])
        board.expectRefusal(
            .registerVersion(model: Fixture.model, metrics: [:], source: "run-105", lineage: VersionLineage(dataset: "  ")),
            as: Fixture.scientist, rule: .invalidText, mentioning: ["data set"])
    }

    @Test func configuredAliasesMustNameAStageOnTheLadder() {
        var config = Fixture.config()
        config.policy.aliases = ["champion": "production", "Old One": "archived"]
        let problems = config.problems().joined(separator: "\n")
        #expect(problems.contains("policy.aliases: 'Old One'"))
        #expect(problems.contains("policy.aliases.Old One: 'archived' is not one of stages"))
    }
}
