import BoardCore
import Glibc

extension JournalLine.Body {
    /// Decodes a line's body as `CanonicalJSON.decode(Body.self, from:)` does, to the same
    /// value or the same error. A body as written is read straight from its bytes; anything else
    /// (keys out of order or repeated, spaces, a field of another kind, an event that does not
    /// decode) by that slower path.
    static func decode(from body: [UInt8]) throws -> Self {
        if let written = WrittenBody.read(body) { return written }
        return try CanonicalJSON.decode(Self.self, from: body)
    }
}

/// A body in the one shape every build writes, read field by field without building a tree:
/// the envelope's keys in canonical order with nothing between them, and the commonest events
/// (comments, assignments, approvals, stage changes and others) read the same way; any other
/// event is parsed and read through `Decodable`. Nil at the first byte out of that shape. In a
/// queued writer's catch-up and a long replay, building a tree of every line, with a string for
/// every key, was most of the work.
struct WrittenBody {
    private var parser: JSONParser

    static func read(_ body: [UInt8]) -> JournalLine.Body? {
        body.withUnsafeBufferPointer { bytes in
            var reader = WrittenBody(bytes: bytes)
            return reader.read()
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { parser = JSONParser(bytes: bytes) }

    private mutating func read() -> JournalLine.Body? {
        guard take(#"{"actor":{"handle":"#), let handle = string(), take(#","osUser":"#), let osUser = string(),
              take(#"},"at":"#), let at = integer(), take(#","event":"#), let event = event(),
              take(#","prev":"#), let prev = string(), take(#","seq":"#), let seq = integer()
        else { return nil }
        var sig: String?
        if take(#","sig":"#) {
            guard let signature = string() else { return nil }
            sig = signature
        }
        guard take(#","type":"#), let type = string(), take("}"), parser.index == parser.bytes.count else { return nil }
        return JournalLine.Body(seq: seq, at: Instant(millis: at), actor: Actor(handle: handle, osUser: osUser), type: type,
                                event: event, prev: prev, sig: sig)
    }

    private mutating func event() -> Event? {
        let start = parser.index
        if let event = commonEvent() { return event }
        parser.index = start
        parser.depth = 1  // inside the envelope, as when the whole body is parsed
        guard let tree = try? parser.parseValue() else { return nil }
        return try? Event(from: TreeDecoder(value: tree, path: .root))
    }

    /// The events most lines hold, as `JournalLineOpening` writes them.
    private mutating func commonEvent() -> Event? {
        if take(#"{"commented":{"_0":{"at":"#) { return comment().map(Event.commented) }
        if take(#"{"assigned":{"_0":{"project":"#) { return assignment().map(Event.assigned) }
        if take(#"{"approvalRecorded":{"_1":{"at":"#) { return approval() }
        if take(#"{"stageChanged":{"_0":{"at":"#) { return stageMove().map(Event.stageChanged) }
        if take(#"{"requestApproved":{"request":"#) {
            guard let request = string(), take("}}") else { return nil }
            return .requestApproved(request: request)
        }
        if take(#"{"retrainRecorded":{"note":"#) {
            guard let note = string(), take(#","project":"#), let project = string(), take("}}") else { return nil }
            return .retrainRecorded(project: project, note: note)
        }
        if take(#"{"challengeMoved":{"id":"#) { return challengeMove() }
        return nil
    }

    /// `{"commented":{"_0":{"at":..,"author":..,"body":..,"id":..,"target":{"project":{"_0":..}}}}}`
    /// after its opening; a version's target, a structure of its own, is left to `Decodable`.
    private mutating func comment() -> Comment? {
        guard let at = integer(), take(#","author":"#), let author = string(), take(#","body":"#), let body = string(),
              take(#","id":"#), let id = string(), take(#","target":{"#), let kind = string(), take(#":{"_0":"#),
              let name = string(), take("}}}}}")
        else { return nil }
        let target: CommentTarget
        switch kind {
        case "project": target = .project(name)
        case "request": target = .request(name)
        case "challenge": target = .challenge(name)
        default: return nil
        }
        return Comment(id: id, target: target, author: author, at: Instant(millis: at), body: body)
    }

    /// `{"assigned":{"_0":{"project":..,"raci":..,"stakeholder":..,"step":..}}}` after its opening.
    private mutating func assignment() -> Assignment? {
        guard let project = string(), take(#","raci":"#), let raci = string().flatMap(RACI.init(rawValue:)),
              take(#","stakeholder":"#), let stakeholder = string(), take(#","step":"#), let step = string(), take("}}}")
        else { return nil }
        return Assignment(project: project, step: step, stakeholder: stakeholder, raci: raci)
    }

    /// `{"approvalRecorded":{"_1":{"at":..,"by":..,"comment":..,"failedGates":[..],"overrideReason":..},
    /// "request":..}}` after its opening, the comment and the reason only when given.
    private mutating func approval() -> Event? {
        guard let at = integer(), take(#","by":"#), let by = string() else { return nil }
        var comment: String?
        if take(#","comment":"#) {
            guard let text = string() else { return nil }
            comment = text
        }
        guard take(#","failedGates":["#), let failedGates = strings() else { return nil }
        var overrideReason: String?
        if take(#","overrideReason":"#) {
            guard let text = string() else { return nil }
            overrideReason = text
        }
        guard take(#"},"request":"#), let request = string(), take("}}") else { return nil }
        let approval = Approval(by: by, at: Instant(millis: at), comment: comment, overrideReason: overrideReason, failedGates: failedGates)
        return .approvalRecorded(request: request, approval)
    }

    /// `{"stageChanged":{"_0":{"at":..,"by":..,"from":..,"reason":..,"request":..,"to":..,
    /// "version":{"model":..,"number":..}}}}` after its opening, the request only when given.
    private mutating func stageMove() -> StageMove? {
        guard let at = integer(), take(#","by":"#), let by = string(), take(#","from":"#), let from = string(),
              take(#","reason":"#), let reason = string()
        else { return nil }
        var request: String?
        if take(#","request":"#) {
            guard let id = string() else { return nil }
            request = id
        }
        guard take(#","to":"#), let to = string(), take(#","version":{"model":"#), let model = string(),
              take(#","number":"#), let number = integer().flatMap({ Int(exactly: $0) }), take("}}}}")
        else { return nil }
        return StageMove(version: VersionRef(model: model, number: number), from: from, to: to, at: Instant(millis: at), by: by,
                         reason: reason, request: request)
    }

    /// `{"challengeMoved":{"id":..,"note":..,"to":..}}` after its opening, the note only when given.
    private mutating func challengeMove() -> Event? {
        guard let id = string() else { return nil }
        var note: String?
        if take(#","note":"#) {
            guard let text = string() else { return nil }
            note = text
        }
        guard take(#","to":"#), let status = string().flatMap(ChallengeStatus.init(rawValue:)), take("}}") else { return nil }
        return .challengeMoved(id: id, to: status, note: note)
    }

    /// The strings of a list after its opening bracket, through its closing one.
    private mutating func strings() -> [String]? {
        var items: [String] = []
        if take("]") { return items }
        while true {
            guard let item = string() else { return nil }
            items.append(item)
            if take("]") { return items }
            guard take(",") else { return nil }
        }
    }

    /// Steps over `literal` when the bytes here are exactly it.
    private mutating func take(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard parser.bytes.count - parser.index >= count,
              memcmp(parser.bytes.baseAddress! + parser.index, literal.utf8Start, count) == 0
        else { return false }
        parser.index += count
        return true
    }

    private mutating func string() -> String? {
        guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "\"") else { return nil }
        return try? parser.parseString()
    }

    /// Digits alone, as written; a fraction or an exponent (which `Decodable` reads through
    /// Double) is left to the slower path, as is a number out of range.
    private mutating func integer() -> Int64? {
        let bytes = parser.bytes
        var end = parser.index
        if end < bytes.count, bytes[end] == UInt8(ascii: "-") { end += 1 }
        let digits = end
        while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") { end += 1 }
        guard end > digits, bytes[digits] != UInt8(ascii: "0") || end == digits + 1,
              end == bytes.count || !Self.startsFractionOrExponent(bytes[end]),
              let value = Int64(String(decoding: UnsafeBufferPointer(rebasing: bytes[parser.index ..< end]), as: UTF8.self))
        else { return nil }
        parser.index = end
        return value
    }

    private static func startsFractionOrExponent(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }
}
