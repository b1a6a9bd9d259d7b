import BoardCore
import Crypto
import Foundation

/// This user's comment index on disk, beside the snapshot in the private cache:
///
///     "MLBC"  format: UInt32 LE  SHA-256 of the rest: 32 bytes
///     position: offset UInt64 LE, sequence UInt64 LE, hash string
///     targets: count, then per target: the target, a count, and per line its offset, length, sequence
///
/// Written to a temporary file and renamed, like the snapshot, but on its own: a crash between
/// the two leaves each whole at its own position. An index is used only when its digest holds
/// and the journal still has, where the index says, the line it ends at; otherwise it is
/// rebuilt from the journal.
enum CommentIndexFile {
    static let format: UInt32 = 1
    static let magic = Array("MLBC".utf8)
    static let name = "comment-index.bin"
    private static let digestOffset = magic.count + 4
    private static let headerLength = digestOffset + SHA256.byteCount

    static func url(besideSnapshot snapshot: URL) -> URL {
        snapshot.deletingLastPathComponent().appending(path: name, directoryHint: .notDirectory)
    }

    static func write(_ index: CommentIndex, to url: URL) throws {
        try SnapshotCache.write(encode(index), to: url)
    }

    static func encode(_ index: CommentIndex) -> [UInt8] {
        var writer = BinaryWriter(reservingCapacity: 4_096 + index.count * 12)
        writer.writeRaw(magic)
        writer.writeFixed(format)
        writer.writeRaw(repeatElement(0, count: SHA256.byteCount))
        writer.writeFixed(index.position.offset)
        writer.writeFixed(UInt64(bitPattern: index.position.sequence))
        writer.write(index.position.hash)
        writer.writeVarint(UInt64(index.spans.count))
        for (target, spans) in index.spans {
            writer.write(target)
            writer.writeVarint(UInt64(spans.count))
            for span in spans {
                writer.writeVarint(span.offset)
                writer.writeVarint(UInt64(span.length))
                writer.writeSignedVarint(span.sequence)
            }
        }
        var bytes = writer.bytes
        let digest = bytes.withUnsafeBytes { digestOfBody(UnsafeRawBufferPointer(rebasing: $0[headerLength...])) }
        bytes.replaceSubrange(digestOffset ..< headerLength, with: digest)
        return bytes
    }

    /// The index in `url` if it can be trusted for `journal` as it is now, else nil.
    static func read(from url: URL, journal: WorkspaceFolder) -> CommentIndex? {
        guard let bytes = try? WholeFile.read(url), let index = decode(bytes),
              let hash = try? JournalReader.hashOfLine(endingAt: index.position.offset, in: journal),
              hash == index.position.hash
        else { return nil }
        return index
    }

    /// Checks the header and digest, then decodes, using every byte; nil for anything else.
    static func decode(_ bytes: [UInt8]) -> CommentIndex? {
        guard bytes.count >= headerLength, Array(bytes[0 ..< magic.count]) == magic else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> CommentIndex? in
            var reader = BinaryReader(buffer)
            do {
                _ = try reader.readRaw(count: magic.count)
                guard try reader.readFixedUInt32() == format else { return nil }
                let storedDigest = Array(try reader.readRaw(count: SHA256.byteCount))
                let body = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[headerLength...])
                guard digestOfBody(body) == storedDigest else { return nil }
                var index = CommentIndex(position: JournalPosition(
                    offset: try reader.readFixedUInt64(), sequence: Int64(bitPattern: try reader.readFixedUInt64()),
                    hash: try reader.read()))
                for _ in 0 ..< (try reader.readCount()) {
                    let target = try reader.read(CommentTarget.self)
                    let count = try reader.readCount()
                    var spans: [JournalSpan] = []
                    spans.reserveCapacity(count)
                    for _ in 0 ..< count {
                        let offset = try reader.readVarint()
                        guard let length = UInt32(exactly: try reader.readVarint()) else { return nil }
                        spans.append(JournalSpan(offset: offset, length: length, sequence: try reader.readSignedVarint()))
                    }
                    index.spans[target] = spans
                }
                try reader.expectEnd()
                return index
            } catch {
                return nil
            }
        }
    }

    private static func digestOfBody(_ body: UnsafeRawBufferPointer) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bufferPointer: body)
        return Array(hasher.finalize())
    }
}
