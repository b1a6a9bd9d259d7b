import BoardCore
import Testing

/// Production share, the funnel of versions by stage, stage history and who stood where when.
@Suite struct ModelQueryTests {
    @Test func productionShareCountsModelsOfLiveProjectsWithAVersionInProduction() {
        var board = TestBoard.withV1InProduction()
        board.run(.registerModel(MLModel(slug: "fraud-nn", project: Fixture.otherProject, name: "Fraud NN")), as: Fixture.scientist)
        board.run(.registerModel(MLModel(slug: "churn-lr", project: Fixture.project, name: "Churn LR")), as: Fixture.scientist)
        #expect(board.state.productionShare == (inProduction: 1, total: 3))
        board.run(.archiveProject(slug: Fixture.otherProject), as: Fixture.lead)
        #expect(board.state.productionShare == (inProduction: 1, total: 2))
        board.run(.archiveProject(slug: Fixture.project), as: Fixture.lead)
        #expect(board.state.productionShare == (inProduction: 0, total: 0))
    }

    @Test func theFunnelCountsVersionsPerStageInStageOrder() {
        var board = TestBoard.withV1InProduction()
        board.promote(Fixture.v2, to: "archived")
        let funnel = board.state.versionFunnel
        #expect(funnel.map(\.stage) == board.config.stages)
        #expect(funnel.map(\.count) == [1, 0, 1, 1])
    }

    @Test func stageHistoryListsEveryMoveOfTheModelOldestFirst() {
        var board = TestBoard.withV1InProduction()
        board.run(.registerModel(MLModel(slug: "fraud-nn", project: Fixture.otherProject, name: "Fraud NN")), as: Fixture.scientist)
        board.run(.registerVersion(model: "fraud-nn", metrics: [:], source: "run-1"), as: Fixture.scientist)
        board.promote(VersionRef(model: "fraud-nn", number: 1), to: "staging")
        board.promote(Fixture.v3, to: "staging")
        board.promote(Fixture.v3, to: "production")
        let history = board.state.stageHistory(of: Fixture.model)
        #expect(history.map { "\($0.version.number):\($0.from)>\($0.to)" } == [
            "1:development>staging", "1:staging>production", "3:development>staging", "3:staging>production",
            "1:production>archived",
        ])
        #expect(history.map(\.at) == history.map(\.at).sorted())
        #expect(board.state.stageHistory(of: "fraud-nn").count == 1)
    }

    @Test func stageOccupantsReplayTheMovesUpToAMoment() {
        var board = TestBoard.team()
        board.run(.createProject(NewProject(slug: "p", name: "P", goal: "decision making")), as: Fixture.lead)
        board.run(.registerModel(MLModel(slug: "m", project: "p", name: "M")), as: Fixture.scientist)
        let beforeAnyVersion = board.now
        board.run(.registerVersion(model: "m", metrics: [:], source: "a"), as: Fixture.scientist)
        let oneRegistered = board.now
        board.run(.registerVersion(model: "m", metrics: [:], source: "b"), as: Fixture.scientist)
        let m1 = VersionRef(model: "m", number: 1)
        let m2 = VersionRef(model: "m", number: 2)
        board.promote(m1, to: "staging")
        let m1Staged = board.now
        board.promote(m1, to: "production")
        let m1Live = board.now
        board.promote(m2, to: "staging")
        board.promote(m2, to: "production")
        let m2Live = board.now

        let occupants = { (moment: Instant) in board.state.stageOccupants(of: "m", at: moment) }
        #expect(occupants(beforeAnyVersion) == [:])
        #expect(occupants(oneRegistered) == ["development": [1]])
        #expect(occupants(Instant(millis: m1Staged.millis - 1)) == ["development": [1, 2]])
        #expect(occupants(m1Staged) == ["development": [2], "staging": [1]])
        #expect(occupants(m1Live) == ["development": [2], "production": [1]])
        #expect(occupants(m2Live) == ["production": [2], "archived": [1]])
        #expect(occupants(m2Live.adding(days: 30)) == occupants(m2Live))
    }
}
