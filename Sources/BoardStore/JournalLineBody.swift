import BoardCore

extension JournalLine.Body {
    /// The body of a line as written: its fields in canonical order, each once, of the kinds
    /// this build writes. Read straight from the parsed tree, with only the event through its
    /// `Decodable` conformance: the envelope through Codable cost a fifth of decoding a line.
    private static let writtenKeys = ["actor", "at", "event", "prev", "seq", "type"]
    private static let signedKeys = ["actor", "at", "event", "prev", "seq", "sig", "type"]

    /// Decodes a line's body as `CanonicalJSON.decode(Body.self, from:)` does, to the same
    /// value or the same error. A body not as written (keys out of order or repeated, a field of
    /// another kind, an event that does not decode) is read by that slower path.
    static func decode(from body: [UInt8]) throws -> Self {
        if let tree = try? JSONParser.parse(body), let read = asWritten(tree) { return read }
        return try CanonicalJSON.decode(Self.self, from: body)
    }

    private static func asWritten(_ tree: JSONValue) -> Self? {
        guard case .object(let members) = tree else { return nil }
        let signed = members.count == signedKeys.count
        guard members.lazy.map(\.key).elementsEqual(signed ? signedKeys : writtenKeys) else { return nil }
        guard case .object(let actorMembers) = members[0].value, actorMembers.count == 2,
              actorMembers[0].key == "handle", actorMembers[1].key == "osUser",
              case .string(let handle) = actorMembers[0].value, case .string(let osUser) = actorMembers[1].value,
              let at = try? members[1].value.integer(Int64.self, at: .root),
              case .string(let prev) = members[3].value,
              let seq = try? members[4].value.integer(Int64.self, at: .root),
              case .string(let type) = members[members.count - 1].value
        else { return nil }
        var sig: String?
        if signed {
            guard case .string(let signature) = members[5].value else { return nil }
            sig = signature
        }
        guard let event = writtenComment(members[2].value) ?? (try? Event(from: TreeDecoder(value: members[2].value, path: .root)))
        else { return nil }
        return Self(seq: seq, at: Instant(millis: at), actor: Actor(handle: handle, osUser: osUser), type: type,
                    event: event, prev: prev, sig: sig)
    }
}
