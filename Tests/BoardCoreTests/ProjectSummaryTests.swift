import BoardCore
import Testing

/// The project summary: overdue retraining by cadence, lifecycle progress, versions by stage.
@Suite struct ProjectSummaryTests {
    @Test func aProjectIsOverdueOnlyOnceItsCadenceHasPassed() {
        let board = TestBoard.standard()
        let created = board.state.projects[Fixture.project]!.createdAt  // weekly
        #expect(board.state.summary(of: Fixture.project, now: created.adding(days: 6))?.daysOverdue == nil)
        #expect(board.state.summary(of: Fixture.project, now: created.adding(days: 7))?.daysOverdue == nil)
        let tenDays = board.state.summary(of: Fixture.project, now: created.adding(days: 10))
        #expect(tenDays?.daysOverdue == 3)
        #expect(tenDays?.isOverdue == true)
    }

    @Test func theCadenceLengthComesFromTheConfiguration() {
        let board = TestBoard.standard()
        let created = board.state.projects[Fixture.otherProject]!.createdAt  // monthly: 30 days
        #expect(board.state.summary(of: Fixture.otherProject, now: created.adding(days: 10))?.daysOverdue == nil)
        #expect(board.state.summary(of: Fixture.otherProject, now: created.adding(days: 40))?.daysOverdue == 10)
        #expect(board.state.overdueProjects(now: created.adding(days: 10)).map(\.slug) == [Fixture.project])
        #expect(board.state.overdueProjects(now: created.adding(days: 40)).map(\.slug) == [Fixture.project, Fixture.otherProject])
    }

    @Test func aRecordedRetrainResetsTheClock() {
        var board = TestBoard.standard()
        let created = board.state.projects[Fixture.project]!.createdAt
        board.advance(days: 9)
        board.run(.recordRetrain(project: Fixture.project, note: "new labels"), as: Fixture.scientist)
        let retrained = board.now
        #expect(board.state.summary(of: Fixture.project, now: created.adding(days: 10))?.daysOverdue == nil)
        #expect(board.state.summary(of: Fixture.project, now: retrained.adding(days: 8))?.daysOverdue == 1)
    }

    @Test func eventDrivenCadencesAndProjectsWithoutOneAreNeverOverdue() {
        var board = TestBoard.team()
        board.run(.createProject(NewProject(
            slug: "drift", name: "Drift", goal: "decision making", cadence: "when new data arrives")), as: Fixture.lead)
        board.run(.createProject(NewProject(slug: "none", name: "None", goal: "decision making")), as: Fixture.lead)
        let later = board.now.adding(days: 1000)
        #expect(board.state.summary(of: "drift", now: later)?.daysOverdue == nil)
        #expect(board.state.summary(of: "none", now: later)?.daysOverdue == nil)
        #expect(board.state.overdueProjects(now: later).isEmpty)
    }

    @Test func projectsNotActiveOrArchivedAreNeverOverdue() {
        var board = TestBoard.standard()
        let later = board.now.adding(days: 100)
        board.run(.setProjectStatus(slug: Fixture.project, status: .onHold), as: Fixture.lead)
        board.run(.archiveProject(slug: Fixture.otherProject), as: Fixture.lead)
        #expect(board.state.overdueProjects(now: later).isEmpty)
        board.run(.setProjectStatus(slug: Fixture.project, status: .active), as: Fixture.lead)
        #expect(board.state.overdueProjects(now: later).map(\.slug) == [Fixture.project])
    }

    @Test func progressFollowsTheLifecycleStep() {
        var board = TestBoard.standard()
        let steps = board.config.lifecycleSteps
        let first = board.state.summary(of: Fixture.project, now: board.now)
        #expect(first?.stepNumber == 1)
        #expect(first?.stepCount == steps.count)
        board.run(.setProjectStep(slug: Fixture.project, step: steps[4]), as: Fixture.scientist)
        let fifth = board.state.summary(of: Fixture.project, now: board.now)
        #expect(fifth?.step == steps[4])
        #expect(fifth?.stepNumber == 5)
        #expect(fifth?.progress == 5.0 / Double(steps.count))
        board.run(.setProjectStep(slug: Fixture.project, step: steps[steps.count - 1]), as: Fixture.scientist)
        #expect(board.state.summary(of: Fixture.project, now: board.now)?.progress == 1.0)
    }

    @Test func versionsRequestsAndChallengesAreCountedPerProject() {
        var board = TestBoard.withV1InProduction()
        board.promote(Fixture.v2, to: "staging")
        board.request(Fixture.v3, to: "staging")
        board.run(.openChallenge(NewChallenge(
            project: Fixture.project, category: "data drift", severity: .high, owner: nil, title: "A")), as: Fixture.scientist)
        board.run(.openChallenge(NewChallenge(
            project: Fixture.project, category: "data drift", severity: .high, owner: nil, title: "B")), as: Fixture.scientist)
        board.run(.openChallenge(NewChallenge(
            project: Fixture.project, category: "data drift", severity: .low, owner: nil, title: "C")), as: Fixture.scientist)
        board.run(.moveChallenge(id: "CH-3", to: .wontFix, note: "accepted"), as: Fixture.scientist)
        board.run(.openChallenge(NewChallenge(
            project: Fixture.otherProject, category: "data drift", severity: .low, owner: nil, title: "D")), as: Fixture.scientist)

        let summary = board.state.summary(of: Fixture.project, now: board.now)
        #expect(summary?.versionsByStage == ["production": 1, "staging": 1, "development": 1])
        #expect(summary?.pendingRequests == 1)
        #expect(summary?.openChallengesBySeverity == [.high: 2])
        #expect(summary?.openChallenges == 2)
        #expect(summary?.name == "Customer churn")
        #expect(summary?.goal == "customer experience")

        let other = board.state.summary(of: Fixture.otherProject, now: board.now)
        #expect(other?.versionsByStage == [:])
        #expect(other?.pendingRequests == 0)
        #expect(other?.openChallengesBySeverity == [.low: 1])
    }

    @Test func anUnknownProjectHasNoSummary() {
        let board = TestBoard.standard()
        #expect(board.state.summary(of: "nowhere", now: board.now) == nil)
    }

    @Test func liveProjectsLeaveArchivedOnesOut() {
        var board = TestBoard.standard()
        #expect(board.state.liveProjects.map(\.slug) == [Fixture.project, Fixture.otherProject])
        board.run(.archiveProject(slug: Fixture.project), as: Fixture.lead)
        #expect(board.state.liveProjects.map(\.slug) == [Fixture.otherProject])
    }
}
