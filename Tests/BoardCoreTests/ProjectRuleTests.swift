import Foundation
import BoardCore
import BoardDemo
import Testing

@Suite struct ProjectRuleTests {
    @Test func createProjectStartsAtTheFirstStepAndRecordsWhoAndWhen() {
        var board = TestBoard.team()
        let events = board.run(.createProject(NewProject(
            slug: "churn", name: "Customer churn", goal: "customer experience", otherGoals: ["decision making"],
            priorityBasis: "customer feedback", impactAreas: ["time saving"], cadence: "monthly")), as: Fixture.scientist)
        let project = board.state.projects["churn"]
        #expect(events.count == 1)
        #expect(project?.step == board.config.lifecycleSteps.first)
        #expect(project?.createdBy == Fixture.scientist)
        #expect(project?.createdAt == board.now)
        #expect(project?.lastRetrainAt == board.now)
        #expect(project?.status == .active)
        #expect(project?.otherGoals == ["decision making"])
        #expect(project?.cadence == "monthly")
    }

    @Test func createProjectAtAGivenStep() {
        var board = TestBoard.team()
        let step = board.config.lifecycleSteps[2]
        board.run(.createProject(NewProject(slug: "p", name: "P", goal: "decision making", step: step)), as: Fixture.lead)
        #expect(board.state.projects["p"]?.step == step)
    }

    @Test func duplicateProjectSlugIsRefused() {
        let board = TestBoard.standard()
        board.expectRefusal(
            .createProject(NewProject(slug: Fixture.project, name: "Again", goal: "decision making")),
            as: Fixture.lead, rule: .duplicateId, mentioning: [Fixture.project])
    }

    @Test func unknownProjectIsRefused() {
        let board = TestBoard.standard()
        board.expectRefusal(
            .editProject(slug: "nowhere", ProjectEdit(name: "x")), as: Fixture.lead, rule: .unknownEntity,
            mentioning: ["nowhere"])
        board.expectRefusal(
            .setProjectStep(slug: "nowhere", step: board.config.lifecycleSteps[1]), as: Fixture.lead,
            rule: .unknownEntity, mentioning: ["nowhere"])
        board.expectRefusal(
            .recordRetrain(project: "nowhere", note: ""), as: Fixture.lead, rule: .unknownEntity, mentioning: ["nowhere"])
    }

    @Test(arguments: [
        (NewProject(slug: "p", name: "P", goal: "world domination"), "goal", "world domination"),
        (NewProject(slug: "p", name: "P", goal: "decision making", otherGoals: ["fame"]), "other goal", "fame"),
        (NewProject(slug: "p", name: "P", goal: "decision making", priorityBasis: "gut feeling"), "priority basis", "gut feeling"),
        (NewProject(slug: "p", name: "P", goal: "decision making", impactAreas: ["vibes"]), "impact area", "vibes"),
        (NewProject(slug: "p", name: "P", goal: "decision making", cadence: "hourly"), "retraining cadence", "hourly"),
        (NewProject(slug: "p", name: "P", goal: "decision making", step: "vibe check"), "step", "vibe check"),
    ])
    func unknownVocabularyIsRefused(project: NewProject, field: String, value: String) {
        let board = TestBoard.team()
        board.expectRefusal(
            .createProject(project), as: Fixture.lead, rule: .unknownVocabulary, mentioning: [field, "'\(value)'"])
    }

    @Test func vocabularyComesFromTheWorkspaceConfiguration() {
        var config = Fixture.config()
        config.businessGoals = ["fewer support calls"]
        config.retrainingCadences = [RetrainingCadence(name: "fortnightly", days: 14)]
        var board = TestBoard.team(config: config)
        board.run(.createProject(NewProject(
            slug: "calls", name: "Calls", goal: "fewer support calls", cadence: "fortnightly")), as: Fixture.lead)
        #expect(board.state.projects["calls"]?.goal == "fewer support calls")
        board.expectRefusal(
            .createProject(NewProject(slug: "eff", name: "Eff", goal: "operational efficiency")), as: Fixture.lead,
            rule: .unknownVocabulary, mentioning: ["operational efficiency"])
    }

    @Test func editProjectChangesOnlyTheGivenFields() {
        var board = TestBoard.standard()
        let before = board.state.projects[Fixture.project]
        board.run(.editProject(slug: Fixture.project, ProjectEdit(name: "Churn 2026", cadence: "daily")), as: Fixture.scientist)
        let after = board.state.projects[Fixture.project]
        #expect(after?.name == "Churn 2026")
        #expect(after?.cadence == "daily")
        #expect(after?.goal == before?.goal)
        #expect(after?.description == before?.description)
    }

    @Test func editProjectRefusesAnEmptyEditAndUnknownVocabulary() {
        let board = TestBoard.standard()
        board.expectRefusal(
            .editProject(slug: Fixture.project, ProjectEdit()), as: Fixture.lead, rule: .nothingToChange,
            mentioning: [Fixture.project])
        board.expectRefusal(
            .editProject(slug: Fixture.project, ProjectEdit(impactAreas: ["karma"])), as: Fixture.lead,
            rule: .unknownVocabulary, mentioning: ["karma"])
        board.expectRefusal(
            .editProject(slug: Fixture.project, ProjectEdit(name: "")), as: Fixture.lead, rule: .invalidName,
            mentioning: ["project name"])
    }

    @Test func archivingIsForLeads() {
        var board = TestBoard.standard()
        board.expectRefusal(
            .archiveProject(slug: Fixture.project), as: Fixture.scientist, rule: .leadOnly,
            mentioning: [Fixture.scientist, "archive"])
        board.run(.archiveProject(slug: Fixture.project), as: Fixture.lead)
        #expect(board.state.projects[Fixture.project]?.archived == true)
    }

    @Test func anArchivedProjectTakesNoMoreChanges() {
        var board = TestBoard.standard()
        board.run(.archiveProject(slug: Fixture.project), as: Fixture.lead)
        let archived = [Fixture.project]
        board.expectRefusal(.archiveProject(slug: Fixture.project), as: Fixture.lead, rule: .projectArchived, mentioning: archived)
        board.expectRefusal(
            .editProject(slug: Fixture.project, ProjectEdit(name: "x")), as: Fixture.lead, rule: .projectArchived,
            mentioning: archived)
        board.expectRefusal(
            .registerVersion(model: Fixture.model, metrics: [:], source: "run-9"), as: Fixture.scientist,
            rule: .projectArchived, mentioning: archived)
        board.expectRefusal(
            .requestPromotion(version: Fixture.v1, to: "staging", reason: "go"), as: Fixture.scientist,
            rule: .projectArchived, mentioning: archived)
        board.expectRefusal(
            .assign(project: Fixture.project, step: board.config.lifecycleSteps[0], stakeholder: Fixture.scientist, raci: .responsible),
            as: Fixture.lead, rule: .projectArchived, mentioning: archived)
    }

    @Test func restoringIsForLeadsAndBringsAnArchivedProjectBack() {
        var board = TestBoard.standard()
        board.expectRefusal(
            .restoreProject(slug: Fixture.project), as: Fixture.lead, rule: .nothingToChange,
            mentioning: [Fixture.project, "not archived"])
        board.expectRefusal(.restoreProject(slug: "nope"), as: Fixture.lead, rule: .unknownEntity, mentioning: ["nope"])
        board.run(.archiveProject(slug: Fixture.project), as: Fixture.lead)
        board.expectRefusal(
            .restoreProject(slug: Fixture.project), as: Fixture.scientist, rule: .leadOnly,
            mentioning: [Fixture.scientist, "restore"])
        board.run(.restoreProject(slug: Fixture.project), as: Fixture.lead)
        #expect(board.state.projects[Fixture.project]?.archived == false)
        #expect(board.state.activity.last?.summary == "restored project \(Fixture.project)")
        board.run(.editProject(slug: Fixture.project, ProjectEdit(name: "Back again")), as: Fixture.lead)
        #expect(board.state.projects[Fixture.project]?.name == "Back again")
    }

    @Test func theRestoreEventIsKnownAndDecodes() throws {
        let event = Event.projectRestored(slug: Fixture.project)
        #expect(event.typeName == "projectRestored")
        #expect(Event.knownTypeNames.contains(event.typeName))
        #expect(event.projectChanged == Fixture.project)
        let decoded = try JSONDecoder().decode(Event.self, from: JSONEncoder().encode(event))
        #expect(decoded == event)
    }

    @Test func setProjectStepMovesAlongTheLifecycle() {
        var board = TestBoard.standard()
        let step = board.config.lifecycleSteps[3]
        board.run(.setProjectStep(slug: Fixture.project, step: step), as: Fixture.scientist)
        #expect(board.state.projects[Fixture.project]?.step == step)
        board.expectRefusal(
            .setProjectStep(slug: Fixture.project, step: step), as: Fixture.scientist, rule: .nothingToChange,
            mentioning: [Fixture.project, step])
        board.expectRefusal(
            .setProjectStep(slug: Fixture.project, step: "astrology"), as: Fixture.scientist, rule: .unknownVocabulary,
            mentioning: ["astrology"])
    }

    @Test func setProjectStatus() {
        var board = TestBoard.standard()
        board.run(.setProjectStatus(slug: Fixture.project, status: .onHold), as: Fixture.scientist)
        #expect(board.state.projects[Fixture.project]?.status == .onHold)
        board.expectRefusal(
            .setProjectStatus(slug: Fixture.project, status: .onHold), as: Fixture.scientist, rule: .nothingToChange,
            mentioning: [Fixture.project, "on-hold"])
    }

    @Test func recordRetrainMovesTheLastRetrainTime() {
        var board = TestBoard.standard()
        board.advance(days: 5)
        board.run(.recordRetrain(project: Fixture.project, note: "fresh data"), as: Fixture.scientist)
        #expect(board.state.projects[Fixture.project]?.lastRetrainAt == board.now)
        #expect(board.state.projects[Fixture.otherProject]?.lastRetrainAt == board.state.projects[Fixture.otherProject]?.createdAt)
    }
}

@Suite("Archiving a project")
struct ArchiveClosesRequestsTests {
    @Test("archiving supersedes the project's open promotion requests")
    func archiveSupersedes() throws {
        let state = DemoWorkspace.build().state
        let lead = Actor(handle: DemoWorkspace.leadHandle, osUser: "t")
        let open = try #require(state.openRequests.first)
        let project = try #require(state.models[open.version.model]?.project)
        let events = try decide(.archiveProject(slug: project), state: state, actor: lead, now: DemoWorkspace.now).get()
        var after = state
        for event in events { apply(EventRecord(sequence: after.lastSequence + 1, at: DemoWorkspace.now, actor: lead, event: event), to: &after) }
        #expect(after.requests[open.id]?.status == .superseded)
        #expect(after.openRequests.allSatisfy { after.models[$0.version.model]?.project != project })
    }

    @Test("bidirectional overrides count as control characters")
    func bidiRefused() {
        #expect(TextRules.containsControlCharacters("abc\u{202E}def", allowNewlines: true))
        #expect(!TextRules.containsControlCharacters("日本語 ok", allowNewlines: true))
    }
}
