import BoardCore
import Testing

/// Who may act, who may manage people, and the RACI matrix.
@Suite struct TeamRuleTests {
    @Test func theFirstStakeholderBootstrapsTheWorkspaceAsLead() {
        var board = TestBoard()
        board.run(.addStakeholder(Stakeholder(handle: "first", name: "First", role: "domain expert")), as: "first")
        #expect(board.state.stakeholders["first"]?.isLead == true)
        #expect(board.state.stakeholders["first"]?.active == true)
    }

    @Test func laterStakeholdersAreAddedByALeadOnly() {
        var board = TestBoard.team()
        let eve = Stakeholder(handle: "eve", name: "Eve", role: "domain expert")
        board.expectRefusal(.addStakeholder(eve), as: Fixture.scientist, rule: .leadOnly, mentioning: [Fixture.scientist])
        board.run(.addStakeholder(eve), as: Fixture.lead)
        #expect(board.state.stakeholders["eve"]?.isLead == false)
    }

    @Test func anAddedStakeholderIsAlwaysActive() {
        var board = TestBoard.team()
        board.run(.addStakeholder(Stakeholder(handle: "eve", name: "Eve", role: "domain expert", active: false)), as: Fixture.lead)
        #expect(board.state.stakeholders["eve"]?.active == true)
    }

    @Test func duplicateHandleIsRefused() {
        let board = TestBoard.team()
        board.expectRefusal(
            .addStakeholder(Stakeholder(handle: Fixture.scientist, name: "Other Dana", role: "data scientist")),
            as: Fixture.lead, rule: .duplicateId, mentioning: [Fixture.scientist])
    }

    @Test func unknownRoleAndApprovalStageAreRefused() {
        let board = TestBoard.team()
        board.expectRefusal(
            .addStakeholder(Stakeholder(handle: "eve", name: "Eve", role: "wizard")), as: Fixture.lead,
            rule: .unknownVocabulary, mentioning: ["role", "wizard"])
        board.expectRefusal(
            .addStakeholder(Stakeholder(handle: "eve", name: "Eve", role: "domain expert", approvalStages: ["heaven"])),
            as: Fixture.lead, rule: .unknownVocabulary, mentioning: ["approval stage", "heaven"])
    }

    @Test func anActorWhoIsNotAStakeholderIsRefused() {
        let board = TestBoard.standard()
        board.expectRefusal(
            .comment(on: .project(Fixture.project), body: "hello"), as: "ghost", rule: .notAStakeholder,
            mentioning: ["ghost"])
        board.expectRefusal(
            .createProject(NewProject(slug: "p", name: "P", goal: "decision making")), as: "ghost",
            rule: .notAStakeholder, mentioning: ["ghost"])
    }

    @Test func aDeactivatedActorIsRefused() {
        var board = TestBoard.standard()
        board.run(.comment(on: .project(Fixture.project), body: "before"), as: Fixture.engineer)
        board.run(.deactivateStakeholder(handle: Fixture.engineer), as: Fixture.lead)
        #expect(board.state.stakeholders[Fixture.engineer]?.active == false)
        board.expectRefusal(
            .comment(on: .project(Fixture.project), body: "after"), as: Fixture.engineer, rule: .notAStakeholder,
            mentioning: [Fixture.engineer, "deactivated"])
    }

    @Test func aDeactivatedApproverLosesTheRightToApprove() {
        var board = TestBoard.standard()
        let id = board.request(Fixture.v1, to: "staging")
        board.run(.deactivateStakeholder(handle: Fixture.engineer), as: Fixture.lead)
        #expect(board.state.stakeholders[Fixture.engineer]?.mayApprove(to: "staging") == false)
        board.expectRefusal(
            .approve(request: id, comment: nil, overrideReason: nil), as: Fixture.engineer, rule: .notAStakeholder,
            mentioning: [Fixture.engineer])
    }

    @Test func deactivationIsForLeadsAndNotOfOneself() {
        var board = TestBoard.standard()
        board.expectRefusal(
            .deactivateStakeholder(handle: Fixture.officer), as: Fixture.scientist, rule: .leadOnly,
            mentioning: [Fixture.scientist])
        board.expectRefusal(.deactivateStakeholder(handle: Fixture.lead), as: Fixture.lead, rule: .leadOnly, mentioning: ["themselves"])
        board.expectRefusal(.deactivateStakeholder(handle: "ghost"), as: Fixture.lead, rule: .unknownEntity, mentioning: ["ghost"])
        board.run(.deactivateStakeholder(handle: Fixture.officer), as: Fixture.lead)
        board.expectRefusal(
            .deactivateStakeholder(handle: Fixture.officer), as: Fixture.lead, rule: .nothingToChange,
            mentioning: [Fixture.officer])
    }

    @Test func stakeholdersMayEditThemselvesButNotOthersOrTheirLeadRight() {
        var board = TestBoard.standard()
        board.run(.editStakeholder(handle: Fixture.scientist, StakeholderEdit(name: "Dana S.", email: "d@example.org")), as: Fixture.scientist)
        #expect(board.state.stakeholders[Fixture.scientist]?.name == "Dana S.")
        #expect(board.state.stakeholders[Fixture.scientist]?.email == "d@example.org")
        board.expectRefusal(
            .editStakeholder(handle: Fixture.officer, StakeholderEdit(name: "Bobby")), as: Fixture.scientist,
            rule: .leadOnly, mentioning: [Fixture.scientist])
        board.expectRefusal(
            .editStakeholder(handle: Fixture.scientist, StakeholderEdit(isLead: true)), as: Fixture.scientist,
            rule: .leadOnly, mentioning: [Fixture.scientist])
        board.run(.editStakeholder(handle: Fixture.scientist, StakeholderEdit(email: "", isLead: true)), as: Fixture.lead)
        #expect(board.state.stakeholders[Fixture.scientist]?.isLead == true)
        #expect(board.state.stakeholders[Fixture.scientist]?.email == nil)
    }

    @Test func theLastActiveLeadCannotGiveUpLeadRights() {
        var board = TestBoard.standard()
        board.expectRefusal(
            .editStakeholder(handle: Fixture.lead, StakeholderEdit(isLead: false)), as: Fixture.lead, rule: .leadOnly,
            mentioning: [Fixture.lead, "last"])
        // A deactivated lead does not count.
        board.run(.editStakeholder(handle: Fixture.officer, StakeholderEdit(isLead: true)), as: Fixture.lead)
        board.run(.deactivateStakeholder(handle: Fixture.officer), as: Fixture.lead)
        board.expectRefusal(
            .editStakeholder(handle: Fixture.lead, StakeholderEdit(isLead: false)), as: Fixture.lead, rule: .leadOnly,
            mentioning: [Fixture.lead])
        // With another active lead, one may step down.
        board.run(.editStakeholder(handle: Fixture.scientist, StakeholderEdit(isLead: true)), as: Fixture.lead)
        board.run(.editStakeholder(handle: Fixture.lead, StakeholderEdit(isLead: false)), as: Fixture.lead)
        #expect(board.state.stakeholders[Fixture.lead]?.isLead == false)
        #expect(board.state.stakeholders[Fixture.scientist]?.isLead == true)
    }

    @Test func editStakeholderRefusesAnEmptyEditAndUnknownRole() {
        let board = TestBoard.standard()
        board.expectRefusal(
            .editStakeholder(handle: Fixture.scientist, StakeholderEdit()), as: Fixture.scientist,
            rule: .nothingToChange, mentioning: [Fixture.scientist])
        board.expectRefusal(
            .editStakeholder(handle: Fixture.scientist, StakeholderEdit(role: "oracle")), as: Fixture.scientist,
            rule: .unknownVocabulary, mentioning: ["oracle"])
        board.expectRefusal(
            .editStakeholder(handle: "ghost", StakeholderEdit(name: "G")), as: Fixture.lead, rule: .unknownEntity,
            mentioning: ["ghost"])
    }

    @Test func approvalRightsAreSetByLeadsInStageOrder() {
        var board = TestBoard.standard()
        board.expectRefusal(
            .setApprovalRights(handle: Fixture.scientist, stages: ["staging"]), as: Fixture.scientist, rule: .leadOnly,
            mentioning: [Fixture.scientist])
        board.expectRefusal(
            .setApprovalRights(handle: Fixture.scientist, stages: ["moon"]), as: Fixture.lead, rule: .unknownVocabulary,
            mentioning: ["moon"])
        board.run(.setApprovalRights(handle: Fixture.scientist, stages: ["archived", "staging"]), as: Fixture.lead)
        let expected = board.config.stages.filter { ["archived", "staging"].contains($0) }
        #expect(board.state.stakeholders[Fixture.scientist]?.approvalStages == expected)
        #expect(board.state.stakeholders[Fixture.scientist]?.mayApprove(to: "staging") == true)
        #expect(board.state.stakeholders[Fixture.scientist]?.mayApprove(to: "production") == false)
    }

    // MARK: RACI

    private let step = Fixture.config().lifecycleSteps[1]

    @Test func assigningIsForLeads() {
        var board = TestBoard.standard()
        board.expectRefusal(
            .assign(project: Fixture.project, step: step, stakeholder: Fixture.scientist, raci: .responsible),
            as: Fixture.scientist, rule: .leadOnly, mentioning: [Fixture.scientist])
        board.run(.assign(project: Fixture.project, step: step, stakeholder: Fixture.scientist, raci: .responsible), as: Fixture.lead)
        let key = AssignmentKey(project: Fixture.project, step: step, stakeholder: Fixture.scientist)
        #expect(board.state.assignments[key]?.raci == .responsible)
    }

    @Test func oneAccountablePerProjectStep() {
        var board = TestBoard.standard()
        board.run(.assign(project: Fixture.project, step: step, stakeholder: Fixture.engineer, raci: .accountable), as: Fixture.lead)
        board.expectRefusal(
            .assign(project: Fixture.project, step: step, stakeholder: Fixture.officer, raci: .accountable),
            as: Fixture.lead, rule: .singleAccountable, mentioning: [step, Fixture.project, Fixture.engineer])
        // Other people may take other parts, and the same person another step or project.
        board.run(.assign(project: Fixture.project, step: step, stakeholder: Fixture.officer, raci: .consulted), as: Fixture.lead)
        let otherStep = board.config.lifecycleSteps[2]
        board.run(.assign(project: Fixture.project, step: otherStep, stakeholder: Fixture.officer, raci: .accountable), as: Fixture.lead)
        board.run(.assign(project: Fixture.otherProject, step: step, stakeholder: Fixture.officer, raci: .accountable), as: Fixture.lead)
        let accountable = board.state.assignments(of: Fixture.project).filter { $0.step == step && $0.raci == .accountable }
        #expect(accountable.map(\.stakeholder) == [Fixture.engineer])
    }

    @Test func accountabilityPassesOnceTheHolderIsMovedToAnotherPart() {
        var board = TestBoard.standard()
        board.run(.assign(project: Fixture.project, step: step, stakeholder: Fixture.engineer, raci: .accountable), as: Fixture.lead)
        board.run(.assign(project: Fixture.project, step: step, stakeholder: Fixture.engineer, raci: .responsible), as: Fixture.lead)
        board.run(.assign(project: Fixture.project, step: step, stakeholder: Fixture.officer, raci: .accountable), as: Fixture.lead)
        let accountable = board.state.assignments(of: Fixture.project).filter { $0.step == step && $0.raci == .accountable }
        #expect(accountable.map(\.stakeholder) == [Fixture.officer])
    }

    @Test func repeatingAnAssignmentChangesNothing() {
        var board = TestBoard.standard()
        board.run(.assign(project: Fixture.project, step: step, stakeholder: Fixture.engineer, raci: .accountable), as: Fixture.lead)
        board.expectRefusal(
            .assign(project: Fixture.project, step: step, stakeholder: Fixture.engineer, raci: .accountable),
            as: Fixture.lead, rule: .nothingToChange, mentioning: [Fixture.engineer, step])
    }

    @Test func assignRefusesUnknownStepsAndPeopleAndDeactivatedPeople() {
        var board = TestBoard.standard()
        board.expectRefusal(
            .assign(project: Fixture.project, step: "divination", stakeholder: Fixture.engineer, raci: .informed),
            as: Fixture.lead, rule: .unknownVocabulary, mentioning: ["divination"])
        board.expectRefusal(
            .assign(project: Fixture.project, step: step, stakeholder: "ghost", raci: .informed),
            as: Fixture.lead, rule: .unknownEntity, mentioning: ["ghost"])
        board.expectRefusal(
            .assign(project: "nowhere", step: step, stakeholder: Fixture.engineer, raci: .informed),
            as: Fixture.lead, rule: .unknownEntity, mentioning: ["nowhere"])
        board.run(.deactivateStakeholder(handle: Fixture.officer), as: Fixture.lead)
        board.expectRefusal(
            .assign(project: Fixture.project, step: step, stakeholder: Fixture.officer, raci: .informed),
            as: Fixture.lead, rule: .notAStakeholder, mentioning: [Fixture.officer])
    }

    @Test func unassign() {
        var board = TestBoard.standard()
        board.run(.assign(project: Fixture.project, step: step, stakeholder: Fixture.engineer, raci: .accountable), as: Fixture.lead)
        board.expectRefusal(
            .unassign(project: Fixture.project, step: step, stakeholder: Fixture.engineer), as: Fixture.scientist,
            rule: .leadOnly, mentioning: [Fixture.scientist])
        board.run(.unassign(project: Fixture.project, step: step, stakeholder: Fixture.engineer), as: Fixture.lead)
        #expect(board.state.assignments(of: Fixture.project).isEmpty)
        board.expectRefusal(
            .unassign(project: Fixture.project, step: step, stakeholder: Fixture.engineer), as: Fixture.lead,
            rule: .unknownEntity, mentioning: [Fixture.engineer, step, Fixture.project])
        // With the Accountable gone, another may take the part.
        board.run(.assign(project: Fixture.project, step: step, stakeholder: Fixture.officer, raci: .accountable), as: Fixture.lead)
    }
}
