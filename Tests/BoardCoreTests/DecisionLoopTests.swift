import BoardCore
import Testing

/// The loop every store runs: records numbered after the state's last, each command decided
/// against what the ones before it leave, and a refusal that names its step and changes nothing.
@Suite struct DecisionLoopTests {
    private let board = TestBoard.standard()
    private func planned(_ command: Command, by handle: String) -> PlannedCommand {
        PlannedCommand(command, as: Fixture.actor(handle), at: board.now)
    }

    @Test func aBatchIsDecidedAgainstWhatItsEarlierCommandsLeave() throws {
        let plan = [
            planned(.requestPromotion(version: Fixture.v1, to: "staging", reason: "ready"), by: Fixture.scientist),
            planned(.approve(request: "PR-1", comment: nil, overrideReason: nil), by: Fixture.engineer),
            planned(.requestPromotion(version: Fixture.v1, to: "production", reason: "next"), by: Fixture.scientist),
        ]
        let outcome = try DecisionLoop.run(plan, from: board.state).get()
        let last = board.state.lastSequence
        #expect(outcome.records.map(\.sequence) == Array(last + 1 ... last + Int64(outcome.records.count)))
        #expect(outcome.state.versions[Fixture.v1]?.stage == "staging")
        #expect(outcome.state.requests["PR-2"]?.fromStage == "staging")
        #expect(try DecisionLoop.records(for: plan, state: board.state).get() == outcome.records)
        #expect(board.state.versions[Fixture.v1]?.stage == "development", "the state given is not changed")
    }

    @Test func aRefusalNamesItsStep() {
        let plan = [
            planned(.requestPromotion(version: Fixture.v1, to: "staging", reason: "ready"), by: Fixture.engineer),
            planned(.approve(request: "PR-1", comment: nil, overrideReason: nil), by: Fixture.engineer),
        ]
        guard case .failure(let refusal) = DecisionLoop.records(for: plan, state: board.state) else {
            Issue.record("the self-approval went through")
            return
        }
        #expect(refusal.step == 1)
        #expect(refusal.violation.rule == .separationOfDuties)
    }

    @Test func oneCommandGivesWhatDecideGives() throws {
        let command = Command.comment(on: .project(Fixture.project), body: "hello")
        let records = try DecisionLoop.records(for: [planned(command, by: Fixture.lead)], state: board.state).get()
        let events = try decide(command, state: board.state, actor: Fixture.actor(Fixture.lead), now: board.now).get()
        #expect(records.map(\.event) == events)
        #expect(records.first?.sequence == board.state.lastSequence + 1)
    }
}
