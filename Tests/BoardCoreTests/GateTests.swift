import BoardCore
import Testing

/// Gates before production: metric thresholds and open critical challenges on the project,
/// passable only with a written override reason that the approval keeps.
@Suite struct GateTests {
    /// The standard board with `ref` in staging and a production request for it open.
    private func productionRequest(for ref: VersionRef, board: inout TestBoard) -> String {
        board.promote(ref, to: "staging")
        return board.request(ref, to: "production")
    }

    @Test func aVersionMeetingEveryThresholdPassesWithoutOverride() {
        var board = TestBoard.standard()
        let id = productionRequest(for: Fixture.v1, board: &board)
        board.run(.approve(request: id, comment: nil, overrideReason: nil), as: Fixture.engineer)
        let approval = board.state.requests[id]?.approvals.first
        #expect(approval?.failedGates == [])
        #expect(approval?.overrideReason == nil)
    }

    @Test func aMissedThresholdIsRefusedWithoutAnOverrideReason() {
        var board = TestBoard.standard()
        let id = productionRequest(for: Fixture.v2, board: &board)
        board.expectRefusal(
            .approve(request: id, comment: nil, overrideReason: nil), as: Fixture.engineer, rule: .gateFailed,
            mentioning: [id, "auc >= 0.8", "0.74", "override"])
        board.expectRefusal(
            .approve(request: id, comment: nil, overrideReason: "  \n"), as: Fixture.engineer, rule: .gateFailed,
            mentioning: [id])
        #expect(board.state.requests[id]?.approvals.isEmpty == true)
    }

    @Test func aMissingMetricFailsItsThreshold() {
        var board = TestBoard.standard()
        board.run(.registerVersion(model: Fixture.model, metrics: ["auc": 0.95], source: "run-104"), as: Fixture.scientist)
        let v4 = VersionRef(model: Fixture.model, number: 4)
        let id = productionRequest(for: v4, board: &board)
        board.expectRefusal(
            .approve(request: id, comment: nil, overrideReason: nil), as: Fixture.engineer, rule: .gateFailed,
            mentioning: ["latency-ms <= 50", "missing"])
    }

    @Test func aMissedThresholdIsPassedWithAnOverrideReasonThatIsRecorded() {
        var board = TestBoard.standard()
        let id = productionRequest(for: Fixture.v2, board: &board)
        board.run(.approve(request: id, comment: "known gap", overrideReason: "auc measured on old labels"), as: Fixture.engineer)
        board.run(.approve(request: id, comment: nil, overrideReason: "agreed with risk"), as: Fixture.officer)
        let approvals = board.state.requests[id]?.approvals ?? []
        #expect(approvals.map(\.overrideReason) == ["auc measured on old labels", "agreed with risk"])
        #expect(approvals.allSatisfy { $0.failedGates.count == 1 && $0.failedGates[0].contains("auc") })
        #expect(board.stage(of: Fixture.v2) == "production")
        #expect(board.state.activity.last { $0.summary.contains("overriding gates") } != nil)
    }

    @Test func anOverrideReasonWithoutAFailingGateIsNotKept() {
        var board = TestBoard.standard()
        let id = productionRequest(for: Fixture.v1, board: &board)
        board.run(.approve(request: id, comment: nil, overrideReason: "just in case"), as: Fixture.engineer)
        #expect(board.state.requests[id]?.approvals.first?.overrideReason == nil)
    }

    @Test func gatesApplyOnlyToProduction() {
        var board = TestBoard.standard()
        board.run(.openChallenge(NewChallenge(
            project: Fixture.project, category: "data drift", severity: .critical, owner: nil, title: "Drift")),
            as: Fixture.scientist)
        let id = board.request(Fixture.v2, to: "staging")
        board.run(.approve(request: id, comment: nil, overrideReason: nil), as: Fixture.engineer)
        #expect(board.stage(of: Fixture.v2) == "staging")
        #expect(board.state.requests[id]?.approvals.first?.failedGates == [])
    }

    @Test func anOpenCriticalChallengeOnTheProjectBlocksProduction() {
        var board = TestBoard.standard()
        let id = productionRequest(for: Fixture.v1, board: &board)
        board.run(.openChallenge(NewChallenge(
            project: Fixture.project, category: "low data quality", severity: .critical, owner: nil,
            title: "Labels wrong")), as: Fixture.scientist)
        board.expectRefusal(
            .approve(request: id, comment: nil, overrideReason: nil), as: Fixture.engineer, rule: .gateFailed,
            mentioning: [id, "CH-1", "critical", Fixture.project])
        board.run(.approve(request: id, comment: nil, overrideReason: "labels fixed upstream"), as: Fixture.engineer)
        let approval = board.state.requests[id]?.approvals.first
        #expect(approval?.overrideReason == "labels fixed upstream")
        #expect(approval?.failedGates.count == 1)
        #expect(approval?.failedGates.first?.contains("CH-1") == true)
    }

    @Test func anInProgressCriticalChallengeStillBlocks() {
        var board = TestBoard.standard()
        let id = productionRequest(for: Fixture.v1, board: &board)
        board.run(.openChallenge(NewChallenge(
            project: Fixture.project, category: "low data quality", severity: .critical, owner: nil, title: "Labels")),
            as: Fixture.scientist)
        board.run(.moveChallenge(id: "CH-1", to: .inProgress, note: nil), as: Fixture.scientist)
        board.expectRefusal(
            .approve(request: id, comment: nil, overrideReason: nil), as: Fixture.engineer, rule: .gateFailed,
            mentioning: ["CH-1"])
    }

    @Test func lesserClosedOrElsewhereChallengesDoNotBlock() {
        var board = TestBoard.standard()
        let id = productionRequest(for: Fixture.v1, board: &board)
        board.run(.openChallenge(NewChallenge(
            project: Fixture.project, category: "data drift", severity: .high, owner: nil, title: "High only")),
            as: Fixture.scientist)
        board.run(.openChallenge(NewChallenge(
            project: Fixture.otherProject, category: "data drift", severity: .critical, owner: nil, title: "Elsewhere")),
            as: Fixture.scientist)
        board.run(.openChallenge(NewChallenge(
            project: nil, category: "lack of skilled talent", severity: .critical, owner: nil, title: "Org-wide")),
            as: Fixture.scientist)
        board.run(.openChallenge(NewChallenge(
            project: Fixture.project, category: "data drift", severity: .critical, owner: nil, title: "Settled")),
            as: Fixture.scientist)
        board.run(.moveChallenge(id: "CH-4", to: .mitigated, note: nil), as: Fixture.scientist)
        board.run(.approve(request: id, comment: nil, overrideReason: nil), as: Fixture.engineer)
        #expect(board.state.requests[id]?.approvals.first?.failedGates == [])
    }

    @Test func theBlockingSeverityComesFromThePolicy() {
        var config = Fixture.config()
        config.policy.blockingSeverity = .high
        var board = TestBoard.standard(config: config)
        let id = productionRequest(for: Fixture.v1, board: &board)
        board.run(.openChallenge(NewChallenge(
            project: Fixture.project, category: "data drift", severity: .high, owner: nil, title: "High")),
            as: Fixture.scientist)
        board.expectRefusal(
            .approve(request: id, comment: nil, overrideReason: nil), as: Fixture.engineer, rule: .gateFailed,
            mentioning: ["CH-1", "high"])
    }

    @Test func failuresListEveryFailingGate() {
        var board = TestBoard.standard()
        board.run(.openChallenge(NewChallenge(
            project: Fixture.project, category: "data drift", severity: .critical, owner: nil, title: "Drift")),
            as: Fixture.scientist)
        let version = board.state.versions[Fixture.v2]!
        let failures = Gates.failures(for: version, entering: "production", in: board.state)
        #expect(failures.count == 2)
        #expect(failures.contains { $0.contains("auc") })
        #expect(failures.contains { $0.contains("CH-1") })
        #expect(Gates.failures(for: version, entering: "staging", in: board.state).isEmpty)
    }
}
