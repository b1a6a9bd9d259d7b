import BoardCore
import BoardStore

/// Runs an import all or nothing. Every step is first decided against a draft of the state, one by
/// one, so a refusal can be traced to the row that caused it; only when all pass is the batch handed
/// to `WorkspaceStore.execute`, which checks it again under the lock and writes it in one append.
public enum ImportRunner {
    public struct Outcome: Sendable {
        /// Commands per entity, in the order first seen.
        public var counts: [(entity: String, commands: Int)]
        /// Events written (0 for a dry run).
        public var eventsWritten: Int
    }

    public static func run(_ steps: [ImportStep], into store: any WorkspaceStoring, osUser: String, dryRun: Bool) throws -> Outcome {
        try store.refresh()
        let plan = steps.map { PlannedCommand($0.command, as: Actor(handle: $0.actor, osUser: osUser), at: $0.at) }
        if case .failure(let refusal) = DecisionLoop.records(for: plan, state: store.state) {
            let step = steps[refusal.step]
            throw ImportFailure(origin: step.origin, column: step.origin.columnFor(refusal.violation), violation: refusal.violation)
        }
        let counts = tally(steps)
        guard !dryRun else { return Outcome(counts: counts, eventsWritten: 0) }
        let written = try store.execute(plan)
        return Outcome(counts: counts, eventsWritten: written.count)
    }

    private static func tally(_ steps: [ImportStep]) -> [(entity: String, commands: Int)] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for step in steps {
            if counts[step.counts] == nil { order.append(step.counts) }
            counts[step.counts, default: 0] += 1
        }
        return order.map { ($0, counts[$0] ?? 0) }
    }
}
