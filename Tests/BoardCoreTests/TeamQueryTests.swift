import BoardCore
import Testing

/// Workload, reviews waiting and the team of a project.
@Suite struct TeamQueryTests {
    private let steps = Fixture.config().lifecycleSteps

    @Test func workloadCountsAssignmentsProjectsChallengesAndReviews() {
        var board = TestBoard.standard()
        board.run(.assign(project: Fixture.project, step: steps[0], stakeholder: Fixture.engineer, raci: .accountable), as: Fixture.lead)
        board.run(.assign(project: Fixture.project, step: steps[1], stakeholder: Fixture.engineer, raci: .responsible), as: Fixture.lead)
        board.run(.assign(project: Fixture.project, step: steps[2], stakeholder: Fixture.engineer, raci: .responsible), as: Fixture.lead)
        board.run(.assign(project: Fixture.otherProject, step: steps[0], stakeholder: Fixture.engineer, raci: .informed), as: Fixture.lead)
        board.run(.assign(project: Fixture.project, step: steps[0], stakeholder: Fixture.officer, raci: .consulted), as: Fixture.lead)
        for (title, owner) in [("mine", Fixture.engineer), ("also mine", Fixture.engineer), ("bob's", Fixture.officer)] {
            board.run(.openChallenge(NewChallenge(
                project: Fixture.project, category: "data silos", severity: .low, owner: owner, title: title)),
                as: Fixture.scientist)
        }
        board.run(.moveChallenge(id: "CH-2", to: .resolved, note: "done"), as: Fixture.engineer)
        board.request(Fixture.v1, to: "staging")
        board.request(Fixture.v2, to: "staging")

        let ada = board.state.workload(of: Fixture.engineer)
        #expect(ada.assignmentsByRACI == [.accountable: 1, .responsible: 2, .informed: 1])
        #expect(ada.totalAssignments == 4)
        #expect(ada.projects == 2)
        #expect(ada.openChallengesOwned == 1)
        #expect(ada.reviewsWaiting == 2)

        let bob = board.state.workload(of: Fixture.officer)
        #expect(bob.assignmentsByRACI == [.consulted: 1])
        #expect(bob.projects == 1)
        #expect(bob.openChallengesOwned == 1)
        #expect(bob.reviewsWaiting == 0)  // bob approves production only

        let nobody = board.state.workload(of: "ghost")
        #expect(nobody.totalAssignments == 0)
        #expect(nobody.reviewsWaiting == 0)
    }

    @Test func reviewsWaitingLeaveOutOwnRequestsAndOnesAlreadyApproved() {
        var board = TestBoard.standard()
        board.promote(Fixture.v1, to: "staging")
        let production = board.request(Fixture.v1, to: "production")
        let own = board.request(Fixture.v2, to: "staging", by: Fixture.engineer)
        let staging = board.request(Fixture.v3, to: "staging")
        #expect(board.state.requestsAwaiting(Fixture.engineer).map(\.id) == [production, staging])
        #expect(board.state.requestsAwaiting(Fixture.lead).map(\.id) == [production, own, staging])
        #expect(board.state.requestsAwaiting(Fixture.officer).map(\.id) == [production])
        #expect(board.state.requestsAwaiting(Fixture.scientist).isEmpty)

        board.run(.approve(request: production, comment: nil, overrideReason: nil), as: Fixture.engineer)
        #expect(board.state.requestsAwaiting(Fixture.engineer).map(\.id) == [staging])
        #expect(board.state.requestsAwaiting(Fixture.officer).map(\.id) == [production])

        board.run(.deactivateStakeholder(handle: Fixture.officer), as: Fixture.lead)
        #expect(board.state.requestsAwaiting(Fixture.officer).isEmpty)
    }

    @Test func openRequestsAreInIdOrder() {
        var board = TestBoard.standard()
        var ids: [String] = []
        for number in 1...3 {
            for stage in ["staging", "archived"] {
                ids.append(board.request(VersionRef(model: Fixture.model, number: number), to: stage))
            }
        }
        for _ in 1...5 {
            board.run(.registerVersion(model: Fixture.model, metrics: [:], source: "run"), as: Fixture.scientist)
        }
        for number in 4...8 { ids.append(board.request(VersionRef(model: Fixture.model, number: number), to: "staging")) }
        #expect(ids.count == 11)
        board.run(.withdraw(request: ids[1]), as: Fixture.scientist)
        var expected = ids
        expected.remove(at: 1)
        // PR-10 and PR-11 come after PR-9, not between PR-1 and PR-2.
        #expect(board.state.openRequests.map(\.id) == expected)
    }

    @Test func theTeamOfAProjectIsInLifecycleOrderAndRACIOrder() {
        var board = TestBoard.standard()
        board.run(.assign(project: Fixture.project, step: steps[3], stakeholder: Fixture.scientist, raci: .responsible), as: Fixture.lead)
        board.run(.assign(project: Fixture.project, step: steps[0], stakeholder: Fixture.officer, raci: .informed), as: Fixture.lead)
        board.run(.assign(project: Fixture.project, step: steps[0], stakeholder: Fixture.scientist, raci: .responsible), as: Fixture.lead)
        board.run(.assign(project: Fixture.project, step: steps[0], stakeholder: Fixture.engineer, raci: .accountable), as: Fixture.lead)
        board.run(.assign(project: Fixture.otherProject, step: steps[1], stakeholder: Fixture.engineer, raci: .accountable), as: Fixture.lead)
        let team = board.state.team(of: Fixture.project)
        #expect(team.map(\.step) == [steps[0], steps[3]])
        #expect(team.first?.members.map(\.stakeholder) == [Fixture.scientist, Fixture.engineer, Fixture.officer])
        #expect(team.first?.members.map(\.raci) == [.responsible, .accountable, .informed])
    }
}
