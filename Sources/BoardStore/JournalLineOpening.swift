import BoardCore

extension JournalLine {
    /// `{"actor":..,"at":..,"event":..` of `record`: the fields of its line's body that do not
    /// depend on the line's place in the chain, as `CanonicalJSON` writes them in a `Body`. They
    /// sort before all the others (actor < at < event < prev < seq < sig < type), so the body
    /// is this followed by the tail JournalLineWriting.swift writes; a batch's openings can be
    /// made on several threads at once. The actor, the time and the most common events are
    /// written by hand (a test compares every line of the demo, and unusual text, with
    /// Foundation's encoder); other events go through Codable, whose encoding of a value does
    /// not depend on what it is nested in.
    static func opening(of record: EventRecord) throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        bytes += actorKey
        CanonicalJSON.appendString(record.actor.handle, to: &bytes)
        bytes += osUserKey
        CanonicalJSON.appendString(record.actor.osUser, to: &bytes)
        bytes += atKey
        bytes += record.at.millis.description.utf8
        bytes += eventKey
        if !appendCommonEvent(record.event, to: &bytes) {
            bytes += try CanonicalJSON.encode(record.event)
        }
        return bytes
    }

    private static let actorKey = Array(#"{"actor":{"handle":"#.utf8)
    private static let osUserKey = Array(#","osUser":"#.utf8)
    private static let atKey = Array(#"},"at":"#.utf8)
    private static let eventKey = Array(#","event":"#.utf8)

    /// Writes the events most lines hold as Codable's synthesized conformance does: an enum case
    /// is an object of one member named after it, holding its associated values by label (`_0`
    /// for an unlabelled one), keys sorted. False, writing nothing, for any other event.
    private static func appendCommonEvent(_ event: Event, to bytes: inout [UInt8]) -> Bool {
        var json = ObjectWriter()
        json.begin()
        switch event {
        case .assigned(let assignment):
            json.open("assigned")
            json.open("_0")
            json.string("project", assignment.project)
            json.string("raci", assignment.raci.rawValue)
            json.string("stakeholder", assignment.stakeholder)
            json.string("step", assignment.step)
            json.close()
            json.close()
        case .requestApproved(let request):
            json.open("requestApproved")
            json.string("request", request)
            json.close()
        case .retrainRecorded(let project, let note):
            json.open("retrainRecorded")
            json.string("note", note)
            json.string("project", project)
            json.close()
        case .commented(let comment):
            let target: (kind: String, name: String)
            switch comment.target {
            case .project(let slug): target = ("project", slug)
            case .request(let id): target = ("request", id)
            case .challenge(let id): target = ("challenge", id)
            case .version: return false  // left to Codable
            }
            json.open("commented")
            json.open("_0")
            json.integer("at", comment.at.millis)
            json.string("author", comment.author)
            json.string("body", comment.body)
            json.string("id", comment.id)
            json.open("target")
            json.open(target.kind)
            json.string("_0", target.name)
            json.close()
            json.close()
            json.close()
            json.close()
        case .approvalRecorded(let request, let approval):
            if approval.signature != nil { return false }  // only ever set when applied
            json.open("approvalRecorded")
            json.open("_1")
            json.integer("at", approval.at.millis)
            json.string("by", approval.by)
            if let comment = approval.comment { json.string("comment", comment) }
            json.strings("failedGates", approval.failedGates)
            if let reason = approval.overrideReason { json.string("overrideReason", reason) }
            json.close()
            json.string("request", request)
            json.close()
        case .stageChanged(let move):
            json.open("stageChanged")
            json.open("_0")
            json.integer("at", move.at.millis)
            json.string("by", move.by)
            json.string("from", move.from)
            json.string("reason", move.reason)
            if let request = move.request { json.string("request", request) }
            json.string("to", move.to)
            json.open("version")
            json.string("model", move.version.model)
            json.integer("number", Int64(move.version.number))
            json.close()
            json.close()
            json.close()
        case .aliasMoved(let move):  // as AliasMove's own encode(to:) writes it
            json.open("aliasMoved")
            json.open("_0")
            json.string("alias", move.alias)
            json.integer("at", move.at.millis)
            json.string("by", move.by)
            if let from = move.from { json.integer("from", Int64(from)) }
            json.string("model", move.model)
            json.string("reason", move.reason)
            if let request = move.request { json.string("request", request) }
            if move.sequence != 0 { json.integer("sequence", move.sequence) }
            if let to = move.to { json.integer("to", Int64(to)) }
            json.close()
            json.close()
        case .challengeMoved(let id, let status, let note):
            json.open("challengeMoved")
            json.string("id", id)
            if let note { json.string("note", note) }
            json.string("to", status.rawValue)
            json.close()
        default:
            return false
        }
        json.close()  // the event's own object
        bytes += json.bytes
        return true
    }
}

/// Writes nested JSON objects whose members the caller gives in sorted order.
private struct ObjectWriter {
    var bytes: [UInt8] = []
    private var depth = 0
    /// Bit `depth` is set once the object open at that depth has a member.
    private var hasMember: UInt64 = 0

    mutating func begin() {
        bytes.append(UInt8(ascii: "{"))
        depth += 1
        hasMember &= ~(1 << depth)
    }

    private mutating func key(_ name: String) {
        if hasMember & (1 << depth) != 0 { bytes.append(UInt8(ascii: ",")) }
        hasMember |= 1 << depth
        CanonicalJSON.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func open(_ name: String) {
        key(name)
        begin()
    }

    mutating func close() {
        bytes.append(UInt8(ascii: "}"))
        depth -= 1
    }

    mutating func string(_ name: String, _ value: String) {
        key(name)
        CanonicalJSON.appendString(value, to: &bytes)
    }

    mutating func strings(_ name: String, _ values: [String]) {
        key(name)
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            CanonicalJSON.appendString(value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func integer(_ name: String, _ value: Int64) {
        key(name)
        bytes += value.description.utf8
    }
}
