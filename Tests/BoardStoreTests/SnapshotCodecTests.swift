import BoardCore
import BoardDemo
@testable import BoardStore
import Foundation
import Testing

@Suite("The binary snapshot codec")
struct SnapshotCodecTests {
    let position = JournalPosition(offset: 123_456, sequence: 42, hash: String(repeating: "ab", count: 32))

    func roundTrip(_ state: BoardState, at position: JournalPosition? = nil) throws -> Snapshot {
        let position = position ?? JournalPosition(offset: 99, sequence: state.lastSequence, hash: self.position.hash)
        return try Snapshot.decode(Snapshot.encode(state, at: position)).get()
    }

    @Test("the demo workspace's state comes back equal, with its position")
    func demoRoundTrip() throws {
        let state = DemoWorkspace.build().state
        let decoded = try roundTrip(state, at: position)
        #expect(decoded.state == state)
        #expect(decoded.position == position)
    }

    @Test("the fixture sets every field, so a field the codec forgets changes the decoded state", arguments: [true, false])
    func fixtureSetsEveryField(flags: Bool) {
        #expect(FullStateFixture.unsetFields(in: FullStateFixture.state(flags: flags), flags: flags) == [])
    }

    @Test("a state with every field set comes back equal", arguments: [true, false])
    func everyFieldRoundTrip(flags: Bool) throws {
        let state = FullStateFixture.state(flags: flags)
        #expect(try roundTrip(state).state == state)
    }

    @Test("every enum case comes back as itself")
    func everyEnumCase() throws {
        let base = FullStateFixture.state(flags: true)
        var states: [BoardState] = []
        func variant(_ change: (inout BoardState) -> Void) {
            var state = base
            change(&state)
            states.append(state)
        }
        for status in ProjectStatus.allCases { variant { $0.projects["churn"]?.status = status } }
        for raci in RACI.allCases { variant { $0.assignments = $0.assignments.mapValues { var a = $0; a.raci = raci; return a } } }
        for comparison in [MetricThreshold.Comparison.atLeast, .atMost] {
            variant { $0.models["churn-gbm"]?.thresholds[0].comparison = comparison }
        }
        for status in PromotionRequest.Status.allCases { variant { $0.requests["PR-1"]?.status = status } }
        for severity in Severity.allCases {
            variant { $0.challenges["CH-1"]?.severity = severity }
            variant { $0.config.policy.blockingSeverity = severity }
        }
        for status in ChallengeStatus.allCases { variant { $0.challenges["CH-1"]?.status = status } }
        for state in states {
            #expect(try roundTrip(state).state == state)
        }
    }

    @Test("every truncation of the encoded state throws instead of trapping")
    func everyTruncationThrows() throws {
        var writer = BinaryWriter()
        writer.write(FullStateFixture.state(flags: true))
        let bytes = writer.bytes
        for length in 0 ..< bytes.count {
            #expect(throws: BinaryDecodingError.self) {
                try bytes.prefix(length).withUnsafeBufferPointer { buffer in
                    var reader = BinaryReader(buffer)
                    _ = try reader.read(BoardState.self)
                }
            }
        }
    }

    @Test("an unknown enum raw value, an unknown comment target and a bad flag are refused")
    func badValues() throws {
        func decode<Value: BinaryCodable>(_ type: Value.Type, _ bytes: [UInt8]) throws -> Value {
            try bytes.withUnsafeBufferPointer { buffer in
                var reader = BinaryReader(buffer)
                return try reader.read(Value.self)
            }
        }
        var writer = BinaryWriter()
        writer.write("paused")
        #expect(throws: BinaryDecodingError.badEnumValue(type: "ProjectStatus", at: 0)) { try decode(ProjectStatus.self, writer.bytes) }
        #expect(throws: BinaryDecodingError.badEnumValue(type: "CommentTarget", at: 0)) { try decode(CommentTarget.self, [9, 1, 65]) }
        #expect(throws: BinaryDecodingError.badBool(at: 0)) { try decode(Bool.self, [2]) }
        #expect(throws: BinaryDecodingError.badUTF8(at: 0)) { try decode(String.self, [2, 0xC3, 0x28]) }
        #expect(throws: BinaryDecodingError.badVarint(at: 0)) { try decode(Int64.self, Array(repeating: 0xFF, count: 10) + [1]) }
        #expect(throws: BinaryDecodingError.badCount(at: 0)) { try decode([String].self, [0xFF, 0xFF, 0x7F, 1]) }
    }

    @Test("numbers at the edges of their ranges come back exactly")
    func numberEdges() throws {
        for number in [Int64.min, -1, 0, 1, 63, 64, -64, -65, Int64.max] {
            var writer = BinaryWriter()
            writer.write(number)
            let decoded = try writer.bytes.withUnsafeBufferPointer { buffer in
                var reader = BinaryReader(buffer)
                let value = try reader.read(Int64.self)
                try reader.expectEnd()
                return value
            }
            #expect(decoded == number)
        }
    }

    @Test("bytes after the state are refused even when the checksum covers them")
    func trailingBytes() throws {
        var bytes = Snapshot.encode(FullStateFixture.state(flags: true), at: position)
        bytes.append(0)
        Snapshot.seal(&bytes)
        #expect(throws: SnapshotProblem.unreadable) { try Snapshot.decode(bytes).get() }
    }
}
