import BoardCore
import Testing

/// Registering models and their versions.
@Suite struct ModelRuleTests {
    @Test func aModelIsRegisteredWithItsThresholds() {
        var board = TestBoard.standard()
        let thresholds = [MetricThreshold(metric: "precision", comparison: .atLeast, value: 0.9)]
        board.run(.registerModel(MLModel(
            slug: "fraud-nn", project: Fixture.otherProject, name: "Fraud NN", description: "first try\nof two",
            thresholds: thresholds, keyMetric: "precision")), as: Fixture.scientist)
        let model = board.state.models["fraud-nn"]
        #expect(model?.project == Fixture.otherProject)
        #expect(model?.thresholds == thresholds)
        #expect(model?.keyMetric == "precision")
        #expect(board.state.models(of: Fixture.otherProject).map(\.slug) == ["fraud-nn"])
    }

    @Test func aDuplicateModelSlugIsRefused() {
        let board = TestBoard.standard()
        board.expectRefusal(
            .registerModel(MLModel(slug: Fixture.model, project: Fixture.otherProject, name: "Again")),
            as: Fixture.scientist, rule: .duplicateId, mentioning: [Fixture.model])
    }

    @Test func aModelNeedsALiveProjectAndValidNames() {
        var board = TestBoard.standard()
        board.expectRefusal(
            .registerModel(MLModel(slug: "m", project: "nowhere", name: "M")), as: Fixture.scientist,
            rule: .unknownEntity, mentioning: ["nowhere"])
        board.expectRefusal(
            .registerModel(MLModel(slug: "m", project: Fixture.project, name: "")), as: Fixture.scientist,
            rule: .invalidName, mentioning: ["model name"])
        board.expectRefusal(
            .registerModel(MLModel(
                slug: "m", project: Fixture.project, name: "M",
                thresholds: [MetricThreshold(metric: "", comparison: .atMost, value: 1)])),
            as: Fixture.scientist, rule: .invalidName, mentioning: ["threshold metric"])
        board.run(.archiveProject(slug: Fixture.otherProject), as: Fixture.lead)
        board.expectRefusal(
            .registerModel(MLModel(slug: "m", project: Fixture.otherProject, name: "M")), as: Fixture.scientist,
            rule: .projectArchived, mentioning: [Fixture.otherProject])
    }

    @Test func versionsAreNumberedPerModelAndStartInTheFirstStage() {
        var board = TestBoard.standard()
        board.run(.registerModel(MLModel(slug: "fraud-nn", project: Fixture.otherProject, name: "Fraud NN")), as: Fixture.scientist)
        board.run(.registerVersion(model: "fraud-nn", metrics: ["precision": 0.93], source: "s3://runs/7"), as: Fixture.engineer)
        board.run(.registerVersion(model: Fixture.model, metrics: [:], source: "git:abc123"), as: Fixture.engineer)
        #expect(board.state.versions(of: "fraud-nn").map(\.ref.number) == [1])
        #expect(board.state.versions(of: Fixture.model).map(\.ref.number) == [1, 2, 3, 4])
        let fraud = board.state.versions[VersionRef(model: "fraud-nn", number: 1)]
        #expect(fraud?.stage == board.config.initialStage)
        #expect(fraud?.metrics == ["precision": 0.93])
        #expect(fraud?.source == "s3://runs/7")
        #expect(fraud?.registeredBy == Fixture.engineer)
    }

    @Test func aVersionNeedsAKnownModelASourceAndNamedMetrics() {
        let board = TestBoard.standard()
        board.expectRefusal(
            .registerVersion(model: "no-model", metrics: [:], source: "run"), as: Fixture.scientist,
            rule: .unknownEntity, mentioning: ["no-model"])
        board.expectRefusal(
            .registerVersion(model: Fixture.model, metrics: [:], source: " "), as: Fixture.scientist,
            rule: .invalidName, mentioning: ["source reference"])
        board.expectRefusal(
            .registerVersion(model: Fixture.model, metrics: ["": 1], source: "run"), as: Fixture.scientist,
            rule: .invalidName, mentioning: ["metric name"])
    }
}
