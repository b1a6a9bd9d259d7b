import BoardStore
import Foundation

/// The hash of each journal line by sequence, read straight from the journal (BoardStore
/// checks the chain; this only needs what each line says its hash is). Reads on from where it
/// stopped, so following a growing journal reads each line once.
final class JournalHashes {
    private let journal: URL
    private var offset: UInt64 = 0
    private var hashes: [Int64: String] = [:]

    init(directory: DataDirectory) { journal = directory.journalURL }

    /// The hash of the line with `sequence`, nil when the journal has no such line.
    func hash(at sequence: Int64) throws -> String? {
        if sequence == 0 { return JournalLine.genesisHash }
        if hashes[sequence] == nil { try readNewLines() }
        return hashes[sequence]
    }

    private func readNewLines() throws {
        let handle = try FileHandle(forReadingFrom: journal)
        defer { try? handle.close() }
        try handle.seek(toOffset: offset)
        let bytes = Array(try handle.readToEnd() ?? Data())
        var start = 0
        // Only whole lines: a line still being written ends in no newline yet.
        while let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            if let (sequence, hash) = Self.sequenceAndHash(of: bytes[start..<end]) { hashes[sequence] = hash }
            start = end + 1
        }
        offset += UInt64(start)
    }

    private static let hashSuffixLength = 64 + 2  // hex digits, quote, closing brace
    private static let sequenceMarker = Array(#","seq":"#.utf8)

    /// A line ends in `"hash":"<64 hex>"}`; its top-level `seq` is the last `"seq":` in it (in
    /// canonical JSON the keys after it, `sig` and `type`, hold base64 and a type name).
    private static func sequenceAndHash(of line: ArraySlice<UInt8>) -> (Int64, String)? {
        guard line.count > hashSuffixLength, line.last == UInt8(ascii: "}") else { return nil }
        let hash = String(decoding: line[(line.endIndex - hashSuffixLength)..<(line.endIndex - 2)], as: UTF8.self)
        var index = line.endIndex - sequenceMarker.count
        while index >= line.startIndex {
            if line[index..<(index + sequenceMarker.count)].elementsEqual(sequenceMarker) {
                let digits = line[(index + sequenceMarker.count)...].prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
                return Int64(String(decoding: digits, as: UTF8.self)).map { ($0, hash) }
            }
            index -= 1
        }
        return nil
    }
}
