import BoardCore
import BoardDemo
@testable import BoardStore
import Foundation
import Testing

@Suite("The journal's JSON encoder writes what Foundation's JSONEncoder writes")
struct CanonicalJSONTests {
    private func foundation<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    @Test("every journal line of the demo workspace, byte for byte")
    func demoJournal() throws {
        let (records, _) = DemoWorkspace.build()
        #expect(records.count > 300)
        var hash = JournalLine.genesisHash
        for record in records {
            let body = JournalLine.Body(seq: record.sequence, at: record.at, actor: record.actor, type: record.event.typeName,
                                        event: record.event, prev: hash)
            let fast = try CanonicalJSON.encode(body)
            #expect(fast == (try foundation(body)), "sequence \(record.sequence)")
            hash = JournalLine.hexDigest(fast)
        }
    }

    @Test("the seen marker, written by hand, as the encoder writes it")
    func seenMarker() throws {
        let directories = ["/home/ana/work/demo", #"/tmp/quote " back \ slash"#, "/tmp/ünï 日本 😀\n", ""]
        for (index, directory) in directories.enumerated() {
            let marker = SeenMarker(directory: directory, sequence: [0, 1, 217_024, .max][index], hash: JournalLine.genesisHash)
            #expect(marker.canonicalJSON == (try CanonicalJSON.encode(marker)), "\(directory.debugDescription)")
            #expect(marker.canonicalJSON == (try foundation(marker)))
        }
    }

    @Test("strings with every control character, quotes, slashes and wide characters")
    func strings() throws {
        let controls = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
        let samples = [controls, #"quote " backslash \ slash / "#, "ünïcödé 日本語 😀 \u{2028}\u{2029}\u{7F}", ""]
        for sample in samples {
            #expect(try CanonicalJSON.encode([sample]) == (try foundation([sample])), "\(sample.debugDescription)")
        }
    }

    @Test("keys sort as Foundation sorts them, and numbers print alike")
    func keysAndNumbers() throws {
        let keys = ["b", "B", "a_b", "aB", "a10", "a9", "_x", "Z", "auc", "f1", "précision", "ä", "10", "9"]
        let metrics = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, Double($0) / 7) })
        #expect(try CanonicalJSON.encode(metrics) == (try foundation(metrics)))
        let numbers: [Double] = [0, -0.0, 1, 0.1, 0.91, 1e-7, 1.5e300, 123456789012345678, 1e21, -2.5, .pi, 0.000_1]
        #expect(try CanonicalJSON.encode(numbers) == (try foundation(numbers)))
        let integers: [Int64] = [0, -1, .max, .min]
        #expect(try CanonicalJSON.encode(integers) == (try foundation(integers)))
        #expect(throws: EncodingError.self) { try CanonicalJSON.encode([Double.nan]) }
    }

    private struct TwoNestedCalls: Encodable {
        enum Keys: String, CodingKey { case a, b, c }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var first = container.nestedContainer(keyedBy: Keys.self, forKey: .a)
            try first.encode(1, forKey: .b)
            var second = container.nestedContainer(keyedBy: Keys.self, forKey: .a)
            try second.encode(2, forKey: .c)
        }
    }

    @Test("floats print as floats, and two nested containers for one key share it")
    func floatsAndNestedContainers() throws {
        let floats: [Float] = [0.1, 1, 3.25, 1e-7]
        #expect(try CanonicalJSON.encode(floats) == (try foundation(floats)))
        #expect(try CanonicalJSON.encode(TwoNestedCalls()) == (try foundation(TwoNestedCalls())))
    }
}
