import BoardCore
@testable import BoardDemo
@testable import BoardStore
import Foundation
import Testing

/// The journal's own JSON decoder against Foundation's, on mutated journal lines from a
/// fixed seed: it must never crash, and it must answer as JSONDecoder answers.
///
/// Two differences are known and allowed, both where JSONDecoder accepts what JSON does not
/// allow and ours refuses: a trailing comma before a closing bracket (`[1,]`, `{"a":1,}`), and
/// invalid UTF-8 inside a string that is never read (an unknown key's value, or a duplicate
/// key's later value); JSONDecoder checks a string's UTF-8 only when it is decoded. The
/// journal's writer writes neither, and every line's checksum is verified before decoding.
@Suite("Fuzzing the journal's JSON decoder against JSONDecoder")
struct LineDecoderFuzzTests {
    @Test("mutated demo lines: never a crash, the same values when both decode, the same refusals")
    func mutatedLines() throws {
        let (records, _) = DemoWorkspace.build()
        let bodies = try records.map { record in
            try CanonicalJSON.encode(JournalLine.Body(seq: record.sequence, at: record.at, actor: record.actor,
                                                       type: record.event.typeName, event: record.event, prev: JournalLine.genesisHash))
        }
        var random = SplitMix64(seed: 0x5EED_0010)
        var bothDecoded = 0
        var bothRefused = 0
        var onlyFoundationTrailingComma = 0
        var onlyFoundationInvalidUTF8 = 0
        for round in 0 ..< 20_000 {
            let input = Mutator.mutate(bodies[round % bodies.count], using: &random)
            let ours = try? CanonicalJSON.decode(JournalLine.Body.self, from: input)
            let foundation = try? JSONDecoder().decode(JournalLine.Body.self, from: Data(input))
            switch (ours, foundation) {
            case let (ours?, foundation?):
                bothDecoded += 1
                #expect(Self.same(ours, foundation), "\(String(decoding: input, as: UTF8.self).debugDescription)")
            case (nil, nil):
                bothRefused += 1
            case (nil, .some) where Self.hasTrailingComma(input):
                onlyFoundationTrailingComma += 1
            case (nil, .some) where String(validating: input, as: UTF8.self) == nil:
                onlyFoundationInvalidUTF8 += 1
            default:
                Issue.record("ours decoded: \(ours != nil), Foundation's: \(foundation != nil), for \(String(decoding: input, as: UTF8.self).debugDescription)")
            }
        }
        #expect(bothDecoded > 1_000 && bothRefused > 15_000, "decoded \(bothDecoded), refused \(bothRefused), trailing commas \(onlyFoundationTrailingComma), invalid UTF-8 \(onlyFoundationInvalidUTF8)")
    }

    private static func same(_ a: JournalLine.Body, _ b: JournalLine.Body) -> Bool {
        a.seq == b.seq && a.at == b.at && a.actor == b.actor && a.type == b.type && a.event == b.event && a.prev == b.prev
    }

    /// A comma, outside strings, followed by nothing but whitespace before `]` or `}`.
    static func hasTrailingComma(_ bytes: [UInt8]) -> Bool {
        var inString = false
        var escaped = false
        for (index, byte) in bytes.enumerated() {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            if byte == UInt8(ascii: "\"") { inString = true }
            guard byte == UInt8(ascii: ",") else { continue }
            let next = bytes[(index + 1)...].first { ![UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains($0) }
            if next == UInt8(ascii: "]") || next == UInt8(ascii: "}") { return true }
        }
        return false
    }

    @Test("the trailing comma detector finds only trailing commas")
    func trailingCommaDetector() {
        #expect(Self.hasTrailingComma(Array("[1, ]".utf8)) && Self.hasTrailingComma(Array(#"{"a":1,}"#.utf8)))
        #expect(!Self.hasTrailingComma(Array(#"[1,2]"#.utf8)) && !Self.hasTrailingComma(Array(#"["a,]"]"#.utf8)))
        #expect((try? JSONDecoder().decode([Int].self, from: Data("[1,]".utf8))) == [1], "if this fails, Foundation no longer accepts them")
        #expect((try? CanonicalJSON.decode([Int].self, from: Array("[1,]".utf8))) == nil)
    }

    @Test("invalid UTF-8 in a string no one reads: Foundation lets it pass, ours refuses")
    func unreadInvalidUTF8() {
        let json = Array(#"{"a":1,"unread":""#.utf8) + [0xFF] + Array(#""}"#.utf8)
        struct OnlyA: Decodable { var a: Int }
        #expect((try? JSONDecoder().decode(OnlyA.self, from: Data(json)))?.a == 1, "if this fails, Foundation now checks every string")
        #expect((try? CanonicalJSON.decode(OnlyA.self, from: json)) == nil)
    }
}
