import BoardCore
import BoardDemo
@testable import BoardStore
import Foundation
import Testing

@Suite("The journal's JSON decoder reads what Foundation's JSONDecoder reads")
struct CanonicalJSONDecodingTests {
    private func ours<Value: Decodable>(_ type: Value.Type, _ json: String) -> Value? {
        try? CanonicalJSON.decode(type, from: Array(json.utf8))
    }

    private func foundation<Value: Decodable>(_ type: Value.Type, _ json: String) -> Value? {
        try? JSONDecoder().decode(type, from: Data(json.utf8))
    }

    /// Both decoders give `expected`, or both refuse when it is nil.
    private func expectBoth<Value: Decodable & Equatable>(_ json: String, _ expected: Value?, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(ours(Value.self, json) == expected, "ours, \(json.debugDescription)", sourceLocation: sourceLocation)
        #expect(foundation(Value.self, json) == expected, "Foundation, \(json.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test("every journal line of the demo workspace decodes to its record, as with JSONDecoder")
    func demoJournal() throws {
        let (records, _) = DemoWorkspace.build()
        #expect(records.count > 300)
        var hash = JournalLine.genesisHash
        for record in records {
            let (line, lineHash, _) = try JournalLine.encode(record, previousHash: hash)
            let body = try CanonicalJSON.encode(JournalLine.Body(seq: record.sequence, at: record.at, actor: record.actor,
                                                                  type: record.event.typeName, event: record.event, prev: hash))
            let fast = try CanonicalJSON.decode(JournalLine.Body.self, from: body)
            let slow = try JSONDecoder().decode(JournalLine.Body.self, from: Data(body))
            #expect(fast.seq == slow.seq && fast.at == slow.at && fast.actor == slow.actor && fast.type == slow.type
                && fast.event == slow.event && fast.prev == slow.prev, "sequence \(record.sequence)")
            #expect(EventRecord(sequence: fast.seq, at: fast.at, actor: fast.actor, event: fast.event) == record)
            guard case .success(let decoded) = JournalLine.decode(line.dropLast()) else {
                Issue.record("line \(record.sequence) does not decode")
                continue
            }
            #expect(decoded.record == record && decoded.prev == hash && decoded.hash == lineHash)
            hash = lineHash
        }
    }

    @Test("strings with every escape, surrogate pairs and raw UTF-8")
    func strings() {
        expectBoth(#"["\" \\ \/ \b \f \n \r \t"]"#, ["\" \\ / \u{8} \u{C} \n \r \t"])
        expectBoth(#"["\u0000\u001f\u00e9\u00E9\u2028 \ud83d\ude00"]"#, ["\u{0}\u{1F}éé\u{2028} 😀"])
        expectBoth("[\"ünïcödé 日本語 😀 \u{7F}\"]", ["ünïcödé 日本語 😀 \u{7F}"])
        expectBoth(#"["", "plain"]"#, ["", "plain"])
        for bad in [#"["\ud800"]"#, #"["\udc00"]"#, #"["\ud83dx"]"#, #"["\ud800\u0041"]"#, #"["\x"]"#, #"["\U00e9"]"#,
                    #"["\u12"]"#, #"["\u12g4"]"#, "[\"\u{1}\"]", "[\"tab\there\"]", #"["open]"#, #"["\"#] {
            expectBoth(bad, [String]?.none)
        }
        for bytes: [UInt8] in [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80]] {
            let json = Array(#"["a"#.utf8) + bytes + Array(#"b"]"#.utf8)
            #expect((try? CanonicalJSON.decode([String].self, from: json)) == nil, "\(bytes)")
            #expect((try? JSONDecoder().decode([String].self, from: Data(json))) == nil, "\(bytes)")
        }
    }

    @Test("numbers: exact integers in range, finite doubles, nothing else")
    func numbers() {
        expectBoth("[0, -0, 7, -9223372036854775808, 9223372036854775807, 1.0, 1e2, 1E2, 0e0]",
                   [0, 0, 7, Int64.min, Int64.max, 1, 100, 100, 0] as [Int64])
        for bad in ["[1.5]", "[1e-2]", "[9223372036854775808]", "[-9223372036854775809]", "[9223372036854775807.0]",
                    "[100000000000000000000]", "[1e400]", "[true]", "[\"1\"]", "[null]", "[01]", "[+1]", "[.5]", "[1.]", "[-]", "[1e]"] {
            expectBoth(bad, [Int64]?.none)
        }
        expectBoth("[255, 2.0, -0]", [255, 2, 0] as [UInt8])
        expectBoth("[256]", [UInt8]?.none)
        expectBoth("[-1]", [UInt8]?.none)
        expectBoth("[0, -0, 0.1, 0.91, 1e-7, -2.5, 1E+2, 1.5e300, 1.7976931348623157e308, 1e-310, 123456789012345678901234567890]",
                   [0, -0.0, 0.1, 0.91, 1e-7, -2.5, 100, 1.5e300, 1.7976931348623157e308, 1e-310, 1.2345678901234568e29] as [Double])
        for bad in ["[1e400]", "[-1.8e308]", "[2e-324]", "[NaN]", "[Infinity]", "[0x10]", "[\"1\"]"] {
            expectBoth(bad, [Double]?.none)
        }
        expectBoth("[0.1, 3.25]", [0.1, 3.25] as [Float])
        expectBoth("[1e39]", [Float]?.none)
        expectBoth("[1e-50]", [Float]?.none)
    }

    private struct Record: Codable, Equatable {
        var name: String
        var note: String?
        var count: Int?
        var tags: [String]
    }

    @Test("optional fields missing or null, unknown keys ignored, the first of duplicate keys, whitespace anywhere")
    func objects() {
        expectBoth(#"{"name":"a","tags":[]}"#, Record(name: "a", note: nil, count: nil, tags: []))
        expectBoth(#"{"name":"a","note":null,"count":null,"tags":["x"]}"#, Record(name: "a", note: nil, count: nil, tags: ["x"]))
        expectBoth(#"{"extra":{"deep":[1,{"x":null}]},"name":"a","tags":[],"zz":true}"#, Record(name: "a", note: nil, count: nil, tags: []))
        expectBoth(#"{"name":"first","name":"second","tags":[]}"#, Record(name: "first", note: nil, count: nil, tags: []))
        expectBoth(#"{"name":"a","count":null,"count":3,"tags":[]}"#, Record(name: "a", note: nil, count: nil, tags: []))
        expectBoth(" \t\r\n{ \"name\" :\n\"a\" , \"count\" : 2 ,\"tags\" : [ \"x\" , \"y\" ] }\n ",
                   Record(name: "a", note: nil, count: 2, tags: ["x", "y"]))
        expectBoth(#"{"name":null,"tags":[]}"#, Record?.none)
        expectBoth(#"{"tags":[]}"#, Record?.none)
        expectBoth(#"{"name":"a","tags":[],"count":"2"}"#, Record?.none)
        expectBoth(#"{"name":"a","tags":{}}"#, Record?.none)
        expectBoth(#"{"\u006eame":"escaped key","tags":[]}"#, Record(name: "escaped key", note: nil, count: nil, tags: []))
        expectBoth(#"{"b":1.5,"a":-2,"a":7}"#, ["a": -2, "b": 1.5] as [String: Double])
    }

    private static func errorPath(_ decode: () throws -> Any) -> [String]? {
        do {
            _ = try decode()
            return nil
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
                let DecodingError.keyNotFound(_, context), let DecodingError.dataCorrupted(context) {
            return context.codingPath.map(\.stringValue)
        } catch {
            return nil
        }
    }

    @Test("an error names the path to the bad value, as Foundation's does (the path is worked out only then)")
    func errorPaths() {
        for json in [#"{"name":"a","tags":["x",7]}"#, #"{"name":"a","tags":[null]}"#,
                     #"{"name":"a","tags":"x"}"#, #"{"name":7,"tags":[]}"#, #"{"tags":[]}"#] {
            let ours = Self.errorPath { try CanonicalJSON.decode(Record.self, from: Array(json.utf8)) }
            let foundation = Self.errorPath { try JSONDecoder().decode(Record.self, from: Data(json.utf8)) }
            #expect(ours != nil && ours == foundation, "\(json): \(String(describing: ours)), Foundation \(String(describing: foundation))")
        }
        let nested = #"[{"point":{"x":1,"y":"two"},"list":[],"base":"b"}]"#
        let ours = Self.errorPath { try CanonicalJSON.decode([Shapes].self, from: Array(nested.utf8)) }
        #expect(ours == ["Index 0", "point", "y"])
    }

    @Test("malformed documents are refused, never trapped on")
    func malformed() throws {
        for bad in ["", " ", "{", "}", "[", "[1", "[1,", "{\"a\"", "{\"a\":", "{\"a\":1", "{a:1}", "{\"a\" 1}", "[1 2]", "[1] [2]",
                    "[1]x", "[1]\u{0}", "[tru]", "[nul]", "[falsey]", "[,1]", "{,}", "{\"a\":1,,\"b\":2}", "[\"a\":1]"] {
            expectBoth(bad, [String: Int]?.none)
            expectBoth(bad, [Int]?.none)
        }
        expectBoth(String(repeating: "[", count: 512) + String(repeating: "]", count: 512), [[[Int]]]?.none)
        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        #expect(throws: DecodingError.self) { try CanonicalJSON.decode([[[Int]]].self, from: Array(tooDeep.utf8)) }
        let veryDeep = Array(repeating: UInt8(ascii: "["), count: 100_000)
        #expect(throws: DecodingError.self) { try CanonicalJSON.decode([Int].self, from: veryDeep) }
        #expect(throws: DecodingError.self) { try CanonicalJSON.decode([Int].self, from: Array("[\(String(repeating: "9", count: 5_000))]".utf8)) }

        let (records, _) = DemoWorkspace.build()
        let body = try CanonicalJSON.encode(JournalLine.Body(seq: 1, at: records[0].at, actor: records[0].actor,
                                                              type: records[0].event.typeName, event: records[0].event, prev: "p"))
        for length in 0 ..< body.count {
            #expect((try? CanonicalJSON.decode(JournalLine.Body.self, from: Array(body.prefix(length)))) == nil, "prefix \(length)")
        }
    }

    @Test("the nested containers' limits: 512 levels parse, what lies beneath them is read")
    func depthLimit() throws {
        let deepest = String(repeating: "[", count: 511) + "[7]" + String(repeating: "]", count: 511)
        let tree = try JSONParser.parse(Array(deepest.utf8))
        var level = tree
        var depth = 0
        while case .array(let items) = level, let first = items.first { level = first; depth += 1 }
        #expect(depth == 512)
        if case .number(let text) = level { #expect(text == "7") } else { Issue.record("expected the number at the bottom") }
    }

    /// Reaches every container kind: nested keyed and unkeyed containers, both super decoders.
    private struct Shapes: Decodable, Equatable {
        enum Keys: String, CodingKey { case point, list, base, inner }
        enum PointKeys: String, CodingKey { case x, y }
        var x = 0, y = 0
        var list: [Int] = []
        var pairs: [[String]] = []
        var base: String?
        var inner: String?
        var missingSuper: Bool

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            let point = try container.nestedContainer(keyedBy: PointKeys.self, forKey: .point)
            x = try point.decode(Int.self, forKey: .x)
            y = try point.decode(Int.self, forKey: .y)
            var list = try container.nestedUnkeyedContainer(forKey: .list)
            while !list.isAtEnd {
                if try list.decodeNil() { continue }
                if var nested = try? list.nestedUnkeyedContainer() {
                    var pair: [String] = []
                    while !nested.isAtEnd { pair.append(try nested.decode(String.self)) }
                    pairs.append(pair)
                } else {
                    self.list.append(try list.decode(Int.self))
                }
            }
            #expect(throws: DecodingError.self) { try list.decode(Int.self) }
            base = try String(from: container.superDecoder(forKey: .base))
            inner = try container.superDecoder(forKey: .inner).singleValueContainer().decode(String?.self)
            missingSuper = try container.superDecoder().singleValueContainer().decodeNil()
        }
    }

    @Test("nested containers, unkeyed traversal with nulls, and super decoders")
    func containers() {
        let json = #"{"point":{"x":1,"y":-2,"z":3},"list":[1,null,["a","b"],2],"base":"b","inner":null}"#
        let expected = foundation(Shapes.self, json)
        #expect(expected?.pairs == [["a", "b"]] && expected?.list == [1, 2] && expected?.missingSuper == true)
        #expect(ours(Shapes.self, json) == expected)
    }
}
