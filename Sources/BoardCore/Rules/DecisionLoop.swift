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
        var run = Run(plan, from: state, index: index)
        return run.decide(steps: plan.count).map { ($0, run.state) }
    }

    /// A plan decided a piece at a time, each piece against the state the pieces before it
    /// leave, in a copy of the state: for a writer that starts on the first records while the
    /// rest are still being decided.
    public struct Run {
        private let plan: [PlannedCommand]
        private var nextStep = 0
        /// The state the steps decided so far leave.
        public private(set) var state: BoardState
        private var index: StateIndex

        public init(_ plan: [PlannedCommand], from state: BoardState, index: StateIndex? = nil) {
            self.plan = plan
            self.state = state
            self.index = index ?? StateIndex(of: state)
        }

        public var isFinished: Bool { nextStep == plan.count }

        /// The records of up to `count` more steps. A refusal names its step's place in the
        /// whole plan; the steps after it are not decided.
        public mutating func decide(steps count: Int) -> Result<[EventRecord], Refusal> {
            var records: [EventRecord] = []
            let end = min(plan.count, nextStep + count)
            while nextStep < end {
                let step = plan[nextStep]
                switch BoardCore.decide(step.command, state: state, actor: step.actor, now: step.at, index: index) {
                case .success(let events):
                    let made = DecisionLoop.numbered(events, of: step, after: state.lastSequence)
                    DecisionLoop.apply(made, to: &state, index: &index)
                    records += made
                    nextStep += 1
                case .failure(let violation):
                    return .failure(Refusal(step: nextStep, violation: violation))
                }
            }
            return .success(records)
        }
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
