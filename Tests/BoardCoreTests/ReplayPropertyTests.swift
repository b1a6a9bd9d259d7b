import BoardCore
import Foundation
import PropertyBased
import Testing

/// Random sessions of commands: the journal's records rebuild the live state, also after a
/// JSON round trip and from a snapshot taken anywhere in between.
@Suite struct ReplayPropertyTests {
    private static let plans = SessionPlan.generator

    @Test func replayingTheRecordsRebuildsTheLiveState() async {
        await propertyCheck(count: 150, input: Self.plans) { plan in
            let session = Session(plan)
            #expect(replay(session.records, onto: BoardState(config: session.config)) == session.live)
        }
    }

    @Test func replayFromAnyMidpointSnapshotGivesTheSameState() async {
        await propertyCheck(count: 100, input: Self.plans, Gen.int(in: 0...10_000)) { plan, cut in
            let session = Session(plan)
            let split = cut % (session.records.count + 1)
            let snapshot = replay(Array(session.records[..<split]), onto: BoardState(config: session.config))
            let decoded = try JSONDecoder().decode(BoardState.self, from: JSONEncoder().encode(snapshot))
            #expect(decoded == snapshot)
            #expect(replay(Array(session.records[split...]), onto: decoded) == session.live)
        }
    }

    @Test func recordsSurviveAJSONRoundTripAndReplayToTheSameState() async {
        await propertyCheck(count: 100, input: Self.plans) { plan in
            let session = Session(plan)
            // One JSON object per line, as the journal stores them.
            let lines = try session.records.map { try JSONEncoder().encode($0) }
            let decoded = try lines.map { try JSONDecoder().decode(EventRecord.self, from: $0) }
            #expect(decoded == session.records)
            #expect(replay(decoded, onto: BoardState(config: session.config)) == session.live)
        }
    }

    @Test func sequenceNumbersAndTimesIncreaseAndLastSequenceMatches() async {
        await propertyCheck(count: 100, input: Self.plans) { plan in
            let session = Session(plan)
            let sequences = session.records.map(\.sequence)
            #expect(sequences == Array(1...Int64(sequences.count)))
            #expect(session.live.lastSequence == sequences.last)
            #expect(session.live.activity.last?.sequence == session.live.lastSequence)
            #expect(session.live.activity.map(\.sequence) == session.live.activity.map(\.sequence).sorted())
            let times = session.records.map(\.at)
            #expect(times == times.sorted())
            // Each accepted command yields at least one event, all at one moment; moments strictly increase.
            #expect(session.batches.allSatisfy { !$0.isEmpty && Set($0.map(\.at)).count == 1 })
            let moments = session.batches.compactMap(\.first?.at)
            #expect(zip(moments, moments.dropFirst()).allSatisfy { $0 < $1 })
        }
    }

    /// Guards the properties above against a generator that only ever produces refusals.
    @Test func theGeneratedSessionsReachEveryKindOfOutcome() async {
        var accepted = 0
        var refused = 0
        var promotedToProduction = 0
        var rolledBack = 0
        await propertyCheck(count: 100, input: Self.plans) { plan in
            let session = Session(plan)
            accepted += session.accepted
            refused += session.refused
            let moves = session.randomMoves
            if moves.contains(where: { $0.to == session.config.policy.productionStage && $0.request != nil }) {
                promotedToProduction += 1
            }
            if moves.contains(where: { $0.request == nil }) { rolledBack += 1 }
        }
        #expect(accepted > 0)
        #expect(refused > 0)
        #expect(promotedToProduction > 0)
        #expect(rolledBack > 0)
    }
}
