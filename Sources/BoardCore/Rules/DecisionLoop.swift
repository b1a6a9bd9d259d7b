/// The one decide → number → apply loop every store runs. A store decides its commands here
/// against the state it has caught up to, writes the records where it keeps them (a backend
/// only appends them at the expected sequence number, or finds that someone else got there
/// first and catches up), and only then applies them.
public enum DecisionLoop {
    /// Step `step` of a plan was refused.
    public struct Refusal: Error, Sendable {
        public var step: Int
        public var violation: RuleViolation
    }

    /// The records `plan` makes, numbered after `state.lastSequence`: each command decided
    /// against the state the ones before it leave. Nothing is applied to `state`. A plan of
    /// one command is decided against `state` itself; a longer one in a draft copy, so a
    /// refusal part-way costs nothing. `index`, kept up to date with `state`, spares a
    /// batch scans of the whole state; one is built for a batch when none is given.
    public static func records(
        for plan: [PlannedCommand], state: BoardState, index: StateIndex? = nil
    ) -> Result<[EventRecord], Refusal> {
        if plan.count == 1, let step = plan.first {
            switch decide(step.command, state: state, actor: step.actor, now: step.at, index: index) {
            case .success(let events): return .success(numbered(events, of: step, after: state.lastSequence))
            case .failure(let violation): return .failure(Refusal(step: 0, violation: violation))
            }
        }
        return run(plan, from: state, index: index).map(\.records)
    }

    /// The records `plan` makes and the state they leave, decided and applied one command
    /// after another in a copy of `state`.
    public static func run(
        _ plan: [PlannedCommand], from state: BoardState, index: StateIndex? = nil
    ) -> Result<(records: [EventRecord], state: BoardState), Refusal> {
        var draft = state
        var draftIndex = index ?? StateIndex(of: state)
        var records: [EventRecord] = []
        for (number, step) in plan.enumerated() {
            switch decide(step.command, state: draft, actor: step.actor, now: step.at, index: draftIndex) {
            case .success(let events):
                let made = numbered(events, of: step, after: draft.lastSequence)
                apply(made, to: &draft, index: &draftIndex)
                records += made
            case .failure(let violation):
                return .failure(Refusal(step: number, violation: violation))
            }
        }
        return .success((records, draft))
    }

    /// Folds `records` into `state` and notes them in `index`.
    public static func apply(_ records: [EventRecord], to state: inout BoardState, index: inout StateIndex) {
        for record in records {
            BoardCore.apply(record, to: &state)
            index.note(record.event)
        }
    }

    private static func numbered(_ events: [Event], of step: PlannedCommand, after last: Int64) -> [EventRecord] {
        events.enumerated().map { offset, event in
            EventRecord(sequence: last + 1 + Int64(offset), at: step.at, actor: step.actor, event: event)
        }
    }
}
