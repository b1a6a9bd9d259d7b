import BoardCore
import BoardDemo
@testable import BoardStore
import Foundation
import Testing

/// `JournalLine.Body.decode` reads a body as written straight from its bytes; it must give what
/// the Codable path gives, value or error, for every body.
@Suite("A line's body read straight from its bytes reads as through Codable")
struct LineBodyTests {
    /// A decoded body's fields, or the error's text (compared as text: it reaches verify's report).
    private enum Outcome: Equatable {
        case body(seq: Int64, at: Instant, actor: Actor, type: String, event: Event, prev: String, sig: String?)
        case error(String)
    }

    private static func outcome(_ decode: () throws -> JournalLine.Body) -> Outcome {
        do {
            let body = try decode()
            return .body(seq: body.seq, at: body.at, actor: body.actor, type: body.type, event: body.event, prev: body.prev, sig: body.sig)
        } catch {
            return .error("\(error)")
        }
    }

    private static func expectSame(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = Array(text.utf8)
        let fast = outcome { try JournalLine.Body.decode(from: bytes) }
        let slow = outcome { try CanonicalJSON.decode(JournalLine.Body.self, from: bytes) }
        #expect(fast == slow, "\(text)", sourceLocation: sourceLocation)
    }

    @Test("every body of the demo journal, signed and not, and each changed so the fast path must step aside")
    func agrees() throws {
        let (records, _) = DemoWorkspace.build()
        var hash = JournalLine.genesisHash
        var bodies: [String] = []
        for record in records {
            let body = JournalLine.Body(seq: record.sequence, at: record.at, actor: record.actor, type: record.event.typeName,
                                        event: record.event, prev: hash, sig: record.sequence % 5 == 0 ? "c2lnbmF0dXJl" : nil)
            bodies.append(String(decoding: try CanonicalJSON.encode(body), as: UTF8.self))
            hash = try JournalLine.encode(record, previousHash: hash).hash
        }
        #expect(bodies.contains { $0.contains(#""target":{"version":"#) } && bodies.contains { $0.contains(#""target":{"project":"#) })
        #expect(bodies.allSatisfy { WrittenBody.read(Array($0.utf8)) != nil }, "every body as written is read from its bytes")
        let edits: [(String) -> String] = [
            { $0 },
            { $0.replacingOccurrences(of: #"{"actor":"#, with: #"{"zzz":1,"actor":"#) },
            { $0.replacingOccurrences(of: #""osUser":"#, with: #""extra":null,"osUser":"#) },
            { $0.replacingOccurrences(of: #""prev":""#, with: #""prev":7,"unused":""#) },
            { $0.replacingOccurrences(of: #","seq":"#, with: #","seq":"1","was":"#) },
            { $0.replacingOccurrences(of: #","seq":"#, with: #","seq":1.0,"was":"#) },
            { $0.replacingOccurrences(of: #","type":"#, with: #","sig":null,"type":"#) },
            { $0.replacingOccurrences(of: #","type":"#, with: #","type":"first","type":"#) },
            { $0.replacingOccurrences(of: #"{"actor":{"handle":"#, with: #"{"actor":{"handle":null,"h":"#) },
            { $0.replacingOccurrences(of: #""at":"#, with: #""at":-1e3,"was":"#) },
            { $0.replacingOccurrences(of: #""event":{""#, with: #""event":{"x":1,""#) },
            { $0.replacingOccurrences(of: #""event":{""#, with: #""event":{"no"#) },
            { $0.replacingOccurrences(of: #""type":""#, with: #""type":7,"t":""#) },
            { String($0.dropLast()) },
            // comments, read by a path of their own
            { $0.replacingOccurrences(of: #""target":{"project":{"_0":"#, with: #""target":{"project":{"x":1,"_0":"#) },
            { $0.replacingOccurrences(of: #""target":{"request":{"_0":"#, with: #""target":{"team":{"_0":"#) },
            { $0.replacingOccurrences(of: #""target":{"challenge":{"_0":"#, with: #""target":{"challenge":{"_0":null,"_1":"#) },
            { $0.replacingOccurrences(of: #""author":""#, with: #""author":null,"a":""#) },
            { $0.replacingOccurrences(of: #""author":""#, with: #""author":"first","author":""#) },
            { $0.replacingOccurrences(of: #""body":""#, with: #""body":["x"],"b":""#) },
            { $0.replacingOccurrences(of: #"{"commented":{"_0":{"at":"#, with: #"{"commented":{"_0":{"at":"1","was":"#) },
            { $0.replacingOccurrences(of: #"{"commented":{"_0":"#, with: #"{"commented":{"_1":0,"_0":"#) },
            { $0.replacingOccurrences(of: #"{"commented":{"_0":"#, with: #"{"commented":{"_0":null,"x":"#) },
            { $0.replacingOccurrences(of: #","id":"CM-"#, with: #","id":"CM-9","zz":"CM-"#) },
            { $0.replacingOccurrences(of: #""target":{"project":{"_0":""#, with: #""target":{"project":{"_0":"\u00e9\n\"x\" "#) },
            { $0.replacingOccurrences(of: #""target":{"project":{"_0":""#, with: #""target":{"project":{"_0":"\ud800"#) },
            // byte by byte: spaces, escapes, numbers as JSON allows and as it does not
            { " " + $0 },
            { "\u{FEFF}" + $0 },
            { $0 + " " },
            { $0 + "}" },
            { $0.replacingOccurrences(of: #"{"actor":{"handle":""#, with: #"{"actor": {"handle":""#) },
            { $0.replacingOccurrences(of: #""osUser":""#, with: #""osUser":"\u0041\t"#) },
            { $0.replacingOccurrences(of: #""osUser":""#, with: #""osUser":"é\/"#) },
            { $0.replacingOccurrences(of: #""osUser":""#, with: #""osUser":"\x"#) },
            { $0.replacingOccurrences(of: #""osUser":""#, with: #""osUser":"\#u{01}"#) },
            { $0.replacingOccurrences(of: #","seq":"#, with: #","seq":0"#) },
            { $0.replacingOccurrences(of: #","seq":"#, with: #","seq":-"#) },
            { $0.replacingOccurrences(of: #","seq":"#, with: #","seq":99999999999999999999"#) },
            { $0.replacingOccurrences(of: #","seq":"#, with: #","seq":-9223372036854775808,"was":"#) },
            { $0.replacingOccurrences(of: #","seq":"#, with: #","seq":1e2,"was":"#) },
            { $0.replacingOccurrences(of: #","seq":"#, with: #","seq":1E2,"was":"#) },
            { $0.replacingOccurrences(of: #""at":"#, with: #""at":-"#) },
            { $0.replacingOccurrences(of: #""at":"#, with: #""at":-0,"was":"#) },
            { $0.replacingOccurrences(of: #","type":"#, with: #","sig":"","type":"#) },
            { $0.replacingOccurrences(of: #","type":"#, with: #","sig":7,"type":"#) },
            // assignments and approvals, read by paths of their own
            { $0.replacingOccurrences(of: #"{"assigned":{"_0":{"project":"#, with: #"{"assigned":{"_0":{"extra":1,"project":"#) },
            { $0.replacingOccurrences(of: #""raci":"A""#, with: #""raci":"Z""#) },
            { $0.replacingOccurrences(of: #""raci":"R""#, with: #""raci":null"#) },
            { $0.replacingOccurrences(of: #","step":""#, with: #","step":"first","step":""#) },
            { $0.replacingOccurrences(of: #""failedGates":[]"#, with: #""failedGates":["auc","latency \"p99\""]"#) },
            { $0.replacingOccurrences(of: #""failedGates":[]"#, with: #""failedGates":["auc",]"#) },
            { $0.replacingOccurrences(of: #""failedGates":[]"#, with: #""failedGates":[1]"#) },
            { $0.replacingOccurrences(of: #""failedGates":[]"#, with: #""failedGates":[],"overrideReason":"known\ngap""#) },
            { $0.replacingOccurrences(of: #""failedGates":[]"#, with: #""failedGates":[],"signature":"verified""#) },
            { $0.replacingOccurrences(of: #"{"approvalRecorded":{"_1":{"at":"#, with: #"{"approvalRecorded":{"_1":{"at":1,"by":"x","comment":"c","at":"#) },
            { $0.replacingOccurrences(of: #"{"approvalRecorded":{"_1":"#, with: #"{"approvalRecorded":{"_0":"#) },
            { $0.replacingOccurrences(of: #"},"request":"PR-"#, with: #"},"request":"PR-1","x":"PR-"#) },
            // stage changes, approved requests, retrains and challenge moves, read by paths of their own
            { $0.replacingOccurrences(of: #","reason":""#, with: #","reason":"first","reason":""#) },
            { $0.replacingOccurrences(of: #"{"stageChanged":{"_0":{"at":"#, with: #"{"stageChanged":{"_0":{"at":1,"by":"x","from":"a","reason":"r","request":null,"at":"#) },
            { $0.replacingOccurrences(of: #""version":{"model":"#, with: #""version":{"number":1,"model":"#) },
            { $0.replacingOccurrences(of: #","number":"#, with: #","number":1.5,"n":"#) },
            { $0.replacingOccurrences(of: #","number":"#, with: #","number":-"#) },
            { $0.replacingOccurrences(of: #"{"requestApproved":{"request":"#, with: #"{"requestApproved":{"request":7,"r":"#) },
            { $0.replacingOccurrences(of: #"{"retrainRecorded":{"note":"#, with: #"{"retrainRecorded":{"note":"\u0007","n":"#) },
            { $0.replacingOccurrences(of: #"{"retrainRecorded":{"note":"#, with: #"{"retrainRecorded":{"extra":[],"note":"#) },
            { $0.replacingOccurrences(of: #"{"challengeMoved":{"id":"#, with: #"{"challengeMoved":{"id":"CH-1","note":"why \"now\"","x":"#) },
            { $0.replacingOccurrences(of: #","to":"in-progress""#, with: #","to":"started""#) },
            { $0.replacingOccurrences(of: #","to":"resolved""#, with: #","to":"wont-fix""#) },
        ]
        for body in bodies {
            for edit in edits { Self.expectSame(edit(body)) }
        }
    }
}
