import BoardCore
import PropertyBased

/// What a random session is made of: the policy, where it starts, and the steps.
struct SessionPlan: Sendable, CustomStringConvertible {
    var archiveReplacedVersion: Bool
    var productionApprovals: Int
    /// Start with v1 already in production, so replacements and rollbacks come within reach.
    var startInProduction: Bool
    var steps: [RandomStep]

    var config: WorkspaceConfig {
        var config = Fixture.config(archiveReplacedVersion: archiveReplacedVersion)
        config.policy.approvalsRequired[config.policy.productionStage] = productionApprovals
        return config
    }

    var description: String {
        "archive=\(archiveReplacedVersion) approvals=\(productionApprovals) inProduction=\(startInProduction) "
            + "steps=\(steps.map(\.description).joined(separator: " "))"
    }

    static let generator = zip(Gen.bool, Gen.int(in: 1...2), Gen.bool, RandomStep.generator.array(of: 40...250))
        .map { archive, approvals, inProduction, steps in
            SessionPlan(
                archiveReplacedVersion: archive, productionApprovals: approvals, startInProduction: inProduction,
                steps: steps)
        }
}

/// A random session: the standard board (or the one with v1 in production), then random
/// commands from a small pool, each decided against the live state; accepted events are
/// numbered, timed and applied as the store would append them to the journal.
struct Session {
    let config: WorkspaceConfig
    private(set) var live: BoardState
    private(set) var records: [EventRecord]
    /// How many records the starting board made before the random steps.
    let preludeCount: Int
    private(set) var accepted = 0
    private(set) var refused = 0
    /// The records of each accepted random command, in order.
    private(set) var batches: [[EventRecord]] = []

    init(_ plan: SessionPlan) {
        config = plan.config
        let start = plan.startInProduction
            ? TestBoard.withV1InProduction(config: config) : TestBoard.standard(config: config)
        live = start.state
        records = start.records
        preludeCount = start.records.count
        let pool = CommandPool(config: config)
        var clock = start.now
        for step in plan.steps {
            clock = Instant(millis: clock.millis + Int64(step.gapMillis))
            let (handle, command) = pool.next(step, in: live)
            let actor = Fixture.actor(handle)
            switch decide(command, state: live, actor: actor, now: clock) {
            case .success(let events):
                accepted += 1
                var batch: [EventRecord] = []
                for event in events {
                    let record = EventRecord(
                        sequence: (records.last?.sequence ?? 0) + 1, at: clock, actor: actor, event: event)
                    apply(record, to: &live)
                    records.append(record)
                    batch.append(record)
                }
                batches.append(batch)
            case .failure:
                refused += 1
            }
        }
    }

    /// The stage moves the random steps made (not the starting board's).
    var randomMoves: [StageMove] {
        records.dropFirst(preludeCount).compactMap {
            if case .stageChanged(let move) = $0.event { return move }
            return nil
        }
    }
}
