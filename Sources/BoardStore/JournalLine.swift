import BoardCore
import Crypto
import Foundation

/// One journal line: the canonical JSON of an event record and the previous line's hash,
/// followed by the SHA-256 of exactly those bytes. Hashing the bytes as written (not a
/// re-encoding) keeps verification independent of encoder details.
///
///     {"actor":{...},"at":1764...,"event":{...},"prev":"<64 hex>","seq":7,"type":"stageChanged","hash":"<64 hex>"}
///
/// A signed line has `sig` before `type`: the base64 SSHSIG blob (namespace "mlboard") over the
/// line's signed hash, the 64 hex digits that would be its `hash` without `sig`. The `hash` covers
/// `sig` too, so the chain binds every signature, and each signature binds its line's place in
/// the chain (through `prev`). Builds that know nothing of signatures read signed lines as before.
public enum JournalLine {
    /// The hash before the first event.
    public static let genesisHash = String(repeating: "0", count: 64)

    static let hashMarker = Array(#","hash":""#.utf8)

    struct Body: Codable {
        var seq: Int64
        var at: Instant
        var actor: Actor
        var type: String
        var event: Event
        var prev: String
        var sig: String?
    }

    /// Signs a line's signed hash (64 hex digits) for `record`, or returns nil to leave it unsigned.
    /// Lines are written by JournalLineWriting.swift.
    typealias Signing = (_ record: EventRecord, _ signedHash: String) throws -> SSHSignature?

    public enum ParseFailure: Error, Equatable {
        case malformed(String)
        case checksum
        /// The checksum is right but the event is of a type this build does not know: a newer
        /// mlboard wrote it. Never a torn tail.
        case unknownEvent(type: String, sequence: Int64, prev: String)
        /// The checksum is right but the line cannot be read as an event. Never a torn tail.
        case undecodable(String)

        /// Whether the line passed its own checksum, so it was written whole and on purpose.
        public var passedChecksum: Bool {
            switch self {
            case .malformed, .checksum: false
            case .unknownEvent, .undecodable: true
            }
        }
    }

    /// The fields every version of a line has, to name an event this build cannot decode.
    private struct Head: Decodable {
        var seq: Int64
        var type: String
        var prev: String
    }

    /// A line as read: its record, the chain hashes, and its signature if it has one.
    struct Parsed {
        var record: EventRecord
        var prev: String
        var hash: String
        var signature: LineSignature?
    }

    /// Parses one line without its newline, checking its own checksum (not the chain).
    static func decode<Bytes: Collection>(_ line: Bytes) -> Result<Parsed, ParseFailure>
    where Bytes.Element == UInt8 {
        guard let (body, hash) = checkedBody(of: line) else { return .failure(.malformed("line does not end in a hash field")) }
        guard hexDigest(body) == hash else { return .failure(.checksum) }
        do {
            let decoded = try Body.decode(from: body)
            guard decoded.type == decoded.event.typeName else {
                return .failure(.undecodable("type '\(decoded.type)' does not match its event"))
            }
            let record = EventRecord(sequence: decoded.seq, at: decoded.at, actor: decoded.actor, event: decoded.event)
            var signature: LineSignature?
            if let sig = decoded.sig {
                guard let signedHash = signedHash(of: body, signature: sig, type: decoded.type) else {
                    return .failure(.undecodable("its signature field is not where a signed line has it"))
                }
                signature = LineSignature(base64: sig, signedHash: signedHash)
            }
            return .success(Parsed(record: record, prev: decoded.prev, hash: hash, signature: signature))
        } catch {
            if let head = try? CanonicalJSON.decode(Head.self, from: body), !Event.knownTypeNames.contains(head.type) {
                return .failure(.unknownEvent(type: head.type, sequence: head.seq, prev: head.prev))
            }
            return .failure(.undecodable("not a known event: \(error)"))
        }
    }

    /// The hash of a whole line (without its newline) whose checksum holds and whose event type
    /// this build knows, without decoding the event: all that a reader checking a claimed
    /// position needs (decoding one event first costs a process the Codable machinery's start-up).
    static func checkedHash<Bytes: Collection>(_ line: Bytes) -> String? where Bytes.Element == UInt8 {
        guard let (body, hash) = checkedBody(of: line), hexDigest(body) == hash,
              let type = lastFieldType(of: body), Event.knownTypeNames.contains(type)
        else { return nil }
        return hash
    }

    /// A line's body, the JSON object its hash covers (the line without its `hash` field), and
    /// the hash the line claims; nil when the line does not end in a hash field. The checksum is
    /// not checked here. The body is the one copy made of the line's bytes.
    private static func checkedBody<Bytes: Collection>(of line: Bytes) -> (body: [UInt8], hash: String)?
    where Bytes.Element == UInt8 {
        if let split = line.withContiguousStorageIfAvailable({ checkedBody(of: $0) }) { return split }
        return Array(line).withUnsafeBufferPointer { checkedBody(of: $0) }
    }

    private static func checkedBody(of bytes: UnsafeBufferPointer<UInt8>) -> (body: [UInt8], hash: String)? {
        let suffixLength = 64 + 2  // hex digits, quote and closing brace
        guard bytes.count > hashMarker.count + suffixLength, bytes[bytes.count - 1] == UInt8(ascii: "}") else { return nil }
        let hashStart = bytes.count - suffixLength
        let bodyEnd = hashStart - hashMarker.count
        guard bytes[bodyEnd ..< hashStart].elementsEqual(hashMarker) else { return nil }
        let hash = String(decoding: UnsafeBufferPointer(rebasing: bytes[hashStart ..< hashStart + 64]), as: UTF8.self)
        var body: [UInt8] = []
        body.reserveCapacity(bodyEnd + 1)
        body.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<bodyEnd]))
        body.append(UInt8(ascii: "}"))
        return (body, hash)
    }

    /// The value of `type`, the last field of a line's canonical JSON body (`,"type":"NAME"}`).
    private static func lastFieldType(of body: [UInt8]) -> String? {
        let marker = Array(#","type":""#.utf8)
        guard body.count > marker.count + 2, body.suffix(2).elementsEqual([UInt8(ascii: "\""), UInt8(ascii: "}")]) else { return nil }
        let end = body.count - 2
        guard let quote = body[..<end].lastIndex(of: UInt8(ascii: "\"")), quote >= marker.count - 1,
              body[(quote - marker.count + 1)...quote].elementsEqual(marker)
        else { return nil }
        return String(decoding: body[(quote + 1) ..< end], as: UTF8.self)
    }

    /// The hash the signature covers: that of the body with its `sig` field taken out. In
    /// canonical JSON `sig` comes just before `type`, the last field, so the body ends in
    /// `,"sig":"SIG","type":"TYPE"}` (base64 and type names need no escaping).
    private static func signedHash(of body: [UInt8], signature: String, type: String) -> String? {
        let tail = Array(#","type":""#.utf8) + Array(type.utf8) + Array(#""}"#.utf8)
        let sigField = Array(#","sig":""#.utf8) + Array(signature.utf8) + [UInt8(ascii: "\"")]
        guard body.count > tail.count + sigField.count,
              body[(body.count - tail.count)...].elementsEqual(tail),
              body[(body.count - tail.count - sigField.count) ..< (body.count - tail.count)].elementsEqual(sigField)
        else { return nil }
        return hexDigest(body[..<(body.count - tail.count - sigField.count)] + tail)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func hexDigest<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        hex(SHA256.hash(data: Array(bytes)))
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        String(unsafeUninitializedCapacity: 64) { hex in
            var count = 0
            for byte in digest {
                hex[count] = hexDigits[Int(byte >> 4)]
                hex[count + 1] = hexDigits[Int(byte & 0x0F)]
                count += 2
            }
            return count
        }
    }
}
