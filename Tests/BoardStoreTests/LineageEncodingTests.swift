import BoardCore
@testable import BoardStore
import Foundation
import Testing

/// Lineage and aliases are new fields: lines without them must stay the bytes earlier builds
/// wrote (their hashes are in the chain), and lines with them must round-trip.
@Suite struct LineageEncodingTests {
    private let at = Instant(millis: 1_767_225_600_000)
    private let actor = Actor(handle: "ana", osUser: "ana")

    private func line(_ event: Event) throws -> String {
        let record = EventRecord(sequence: 7, at: at, actor: actor, event: event)
        return String(decoding: try JournalLine.encode(record, previousHash: JournalLine.genesisHash).bytes, as: UTF8.self)
    }

    @Test func aVersionWithoutLineageAndAModelWithoutAliasesEncodeAsBefore() throws {
        let version = ModelVersion(
            ref: VersionRef(model: "m", number: 1), metrics: ["auc": 0.9], source: "run-1", stage: "development",
            registeredAt: at, registeredBy: "ana")
        let versionLine = try line(.versionRegistered(version))
        #expect(!versionLine.contains("lineage"))
        #expect(versionLine.contains(#""event":{"versionRegistered":{"_0":{"metrics":{"auc":0.9},"ref":{"model":"m","number":1},"registeredAt":"#))
        let modelLine = try line(.modelRegistered(MLModel(slug: "m", project: "p", name: "M")))
        #expect(!modelLine.contains("aliases"))
    }

    @Test func lineageAndAliasMovesRoundTripThroughALine() throws {
        let lineage = VersionLineage(sourceURI: "runs:/r/model", runID: "r", codeCommit: "c0ffee", dataset: "d@1", tags: ["k": "v"])
        let version = ModelVersion(
            ref: VersionRef(model: "m", number: 2), metrics: [:], source: "run-2", stage: "development",
            registeredAt: at, registeredBy: "ana", lineage: lineage)
        let move = AliasMove(model: "m", alias: "champion", from: 1, to: 2, at: at, by: "ana", reason: "PR-3 approved", request: "PR-3")
        for event in [Event.versionRegistered(version), .aliasMoved(move)] {
            let text = try line(event)
            guard case .success(let parsed) = JournalLine.decode(Array(text.utf8).dropLast()) else {
                Issue.record("\(event.typeName) does not decode")
                continue
            }
            #expect(parsed.record.event == event)
        }
        #expect(try !line(.aliasMoved(move)).contains("sequence"), "the sequence is the line's, not the event's")
    }
}
