import BoardCore
import Crypto
import Foundation

/// State as of some journal position, so opening need not replay the whole journal.
///
/// The file is binary (format 7; 5 added lineage and aliases, 6 took the comments out of the state,
/// see CommentHistory, 7 added the bridges' last syncs and the MLflow mapping):
///
///     "MLBS"  format: UInt32 LE  SHA-256 of the rest: 32 bytes
///     position: offset UInt64 LE, sequence UInt64 LE, hash string
///     state: BoardState as written by its BinaryCodable conformance
///
/// The digest covers every byte after it, so a damaged snapshot is never trusted; a snapshot
/// that cannot be used for any reason is ignored and the state is rebuilt from the journal.
struct Snapshot {
    static let format: UInt32 = 7
    static let magic = Array("MLBS".utf8)
    private static let digestOffset = magic.count + 4
    private static let headerLength = digestOffset + SHA256.byteCount

    var position: JournalPosition
    var state: BoardState

    static func write(_ state: BoardState, at position: JournalPosition, to url: URL) throws {
        try SnapshotCache.write(encode(state, at: position), to: url)
    }

    static func encode(_ state: BoardState, at position: JournalPosition) -> [UInt8] {
        var writer = BinaryWriter(reservingCapacity: 4_096 + state.activity.count * 96)
        writer.writeRaw(magic)
        writer.writeFixed(format)
        writer.writeRaw(repeatElement(0, count: SHA256.byteCount))
        writer.writeFixed(position.offset)
        writer.writeFixed(UInt64(bitPattern: position.sequence))
        writer.write(position.hash)
        writer.write(state)
        var bytes = writer.bytes
        seal(&bytes)
        return bytes
    }

    /// Writes the digest of everything after the header into the header.
    static func seal(_ bytes: inout [UInt8]) {
        guard bytes.count >= headerLength else { return }
        let digest = bytes.withUnsafeBytes { digestOfBody(UnsafeRawBufferPointer(rebasing: $0[headerLength...])) }
        bytes.replaceSubrange(digestOffset ..< headerLength, with: digest)
    }

    /// The snapshot, or the reason it is missing or unusable.
    static func read(from url: URL, journal: WorkspaceFolder) -> Result<Snapshot, SnapshotProblem> {
        let bytes: [UInt8]
        do {
            bytes = try WholeFile.read(url)
        } catch StoreError.notFound {
            return .failure(.missing)
        } catch {
            return .failure(.unreadable)
        }
        let snapshot: Snapshot
        switch decode(bytes) {
        case .success(let decoded): snapshot = decoded
        case .failure(let problem): return .failure(problem)
        }
        let position = snapshot.position
        guard snapshot.state.lastSequence == position.sequence,
              let hash = try? JournalReader.hashOfLine(endingAt: position.offset, in: journal),
              hash == position.hash
        else { return .failure(.disagreesWithJournal(position.sequence)) }
        return .success(snapshot)
    }

    /// Checks the header and digest, then decodes position and state, which must use every byte.
    static func decode(_ bytes: [UInt8]) -> Result<Snapshot, SnapshotProblem> {
        guard bytes.count >= headerLength else { return .failure(.unreadable) }
        guard Array(bytes[0 ..< magic.count]) == magic else {
            return .failure(bytes.first == UInt8(ascii: "{") ? .otherFormat : .unreadable)
        }
        return bytes.withUnsafeBufferPointer { buffer in
            var reader = BinaryReader(buffer)
            do {
                _ = try reader.readRaw(count: magic.count)
                guard try reader.readFixedUInt32() == format else { return .failure(.otherFormat) }
                let storedDigest = Array(try reader.readRaw(count: SHA256.byteCount))
                let body = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[headerLength...])
                guard digestOfBody(body) == storedDigest else { return .failure(.checksum) }
                let position = JournalPosition(
                    offset: try reader.readFixedUInt64(), sequence: Int64(bitPattern: try reader.readFixedUInt64()),
                    hash: try reader.read())
                let state = try reader.read(BoardState.self)
                try reader.expectEnd()
                return .success(Snapshot(position: position, state: state))
            } catch {
                return .failure(.unreadable)
            }
        }
    }

    private static func digestOfBody(_ body: UnsafeRawBufferPointer) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bufferPointer: body)
        return Array(hasher.finalize())
    }
}

enum SnapshotProblem: Error, Equatable, CustomStringConvertible {
    case missing
    case unreadable
    case otherFormat
    case checksum
    case disagreesWithJournal(Int64)

    var description: String {
        switch self {
        case .missing: "no snapshot"
        case .unreadable: "the snapshot cannot be read"
        case .otherFormat: "the snapshot was written in another format by another version of mlboard"
        case .checksum: "the snapshot's checksum does not match its content"
        case .disagreesWithJournal(let sequence): "the snapshot at sequence \(sequence) does not match the journal"
        }
    }
}
