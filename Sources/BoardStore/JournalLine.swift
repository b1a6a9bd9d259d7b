import BoardCore
import Crypto
import Foundation

/// One journal line: the canonical JSON of an event record and the previous line's hash,
/// followed by the SHA-256 of exactly those bytes. Hashing the bytes as written (not a
/// re-encoding) keeps verification independent of encoder details.
///
///     {"actor":{...},"at":1764...,"event":{...},"prev":"<64 hex>","seq":7,"type":"stageChanged","hash":"<64 hex>"}
public enum JournalLine {
    /// The hash before the first event.
    public static let genesisHash = String(repeating: "0", count: 64)

    private static let hashMarker = Array(#","hash":""#.utf8)

    struct Body: Codable {
        var seq: Int64
        var at: Instant
        var actor: Actor
        var type: String
        var event: Event
        var prev: String
    }

    /// The bytes of the line for `record`, ending in a newline, and its hash.
    static func encode(_ record: EventRecord, previousHash: String) throws -> (bytes: [UInt8], hash: String) {
        let body = Body(
            seq: record.sequence, at: record.at, actor: record.actor, type: record.event.typeName,
            event: record.event, prev: previousHash)
        let json = try CanonicalJSON.encode(body)
        let hash = hexDigest(json)
        var line = json
        line.removeLast()  // the closing brace
        line += hashMarker + Array(hash.utf8) + Array("\"}\n".utf8)
        return (line, hash)
    }

    /// The lines for `records`, chained one to the next after `previousHash`, and the last
    /// line's hash.
    static func encode(_ records: [EventRecord], after previousHash: String) throws -> (bytes: [UInt8], hash: String) {
        var bytes: [UInt8] = []
        var hash = previousHash
        for record in records {
            let line = try encode(record, previousHash: hash)
            bytes += line.bytes
            hash = line.hash
        }
        return (bytes, hash)
    }

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

    /// Parses one line without its newline, checking its own checksum (not the chain).
    static func decode<Bytes: Collection>(_ line: Bytes) -> Result<(record: EventRecord, prev: String, hash: String), ParseFailure>
    where Bytes.Element == UInt8 {
        let bytes = Array(line)
        let suffixLength = 64 + 2  // hex digits, quote and closing brace
        guard bytes.count > hashMarker.count + suffixLength,
              bytes.last == UInt8(ascii: "}"),
              Array(bytes[bytes.count - suffixLength - hashMarker.count ..< bytes.count - suffixLength]) == hashMarker
        else { return .failure(.malformed("line does not end in a hash field")) }
        let hashStart = bytes.count - suffixLength
        let hash = String(decoding: bytes[hashStart ..< hashStart + 64], as: UTF8.self)
        let body = Array(bytes[0 ..< hashStart - hashMarker.count]) + [UInt8(ascii: "}")]
        guard hexDigest(body) == hash else { return .failure(.checksum) }
        do {
            let decoded = try CanonicalJSON.decode(Body.self, from: body)
            guard decoded.type == decoded.event.typeName else {
                return .failure(.undecodable("type '\(decoded.type)' does not match its event"))
            }
            let record = EventRecord(sequence: decoded.seq, at: decoded.at, actor: decoded.actor, event: decoded.event)
            return .success((record, decoded.prev, hash))
        } catch {
            if let head = try? CanonicalJSON.decode(Head.self, from: body), !Event.knownTypeNames.contains(head.type) {
                return .failure(.unknownEvent(type: head.type, sequence: head.seq, prev: head.prev))
            }
            return .failure(.undecodable("not a known event: \(error)"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func hexDigest<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digest = SHA256.hash(data: Array(bytes))
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
