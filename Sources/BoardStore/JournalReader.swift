import BoardCore
import Foundation

/// Where a reader stands in the journal: the byte after the last good line, and that line's
/// sequence number and hash.
public struct JournalPosition: Equatable, Sendable, Codable {
    public var offset: UInt64
    public var sequence: Int64
    public var hash: String

    public static let start = JournalPosition(offset: 0, sequence: 0, hash: JournalLine.genesisHash)
}

/// What a scan of the journal from some position found.
struct JournalScan {
    var records: [EventRecord] = []
    var hashes: [String] = []
    /// Each record's signature as the line carries it, unchecked.
    var signatures: [LineSignature?] = []
    /// The offset just after each record's line.
    var lineEnds: [UInt64] = []
    var end: JournalPosition
    /// Bytes after `end` that are not (yet) a good line: a line still being written, or the
    /// torn tail of a writer that crashed. Readers ignore them; the next writer cuts them off.
    var pendingBytes: UInt64 = 0
    /// A bad line with good lines after it: history was damaged, never repaired silently.
    var corruption: StoreError?
    /// A whole line of a type this build does not know; reading stopped before it.
    var newerEvent: NewerEvent?
}

/// A line a newer mlboard wrote: this build can read up to it but must not write after it.
public struct NewerEvent: Equatable, Sendable {
    public var type: String
    public var sequence: Int64

    public var readOnlyReason: String {
        "written by a newer mlboard (event type \(type) at seq \(sequence)); upgrade to write"
    }
}

/// Reads complete, checksummed, chained lines. Never locks and never writes.
enum JournalReader {
    static let fileName = DataDirectory.journalName

    static func scan(_ folder: WorkspaceFolder, from position: JournalPosition) throws -> JournalScan {
        let bytes = try readLines(folder, from: position.offset)
        return scan(bytes: bytes, from: position, fileName: fileName)
    }

    /// The same, through a descriptor the caller keeps open (a writer's, to save an open per
    /// commit); `throughReserve` also reads the reserve to the end of the file, to find bytes
    /// that do not belong there.
    static func scan(_ fd: Int32, _ path: String, from position: JournalPosition, throughReserve: Bool) throws -> JournalScan {
        let lines = try readLines(fd, path, from: position.offset)
        if try !throughReserve || isZero(fd, path, from: position.offset + UInt64(lines.count)) {
            return scan(bytes: lines, from: position, fileName: fileName)  // the same scan as of the lines and their zeros
        }
        return scan(bytes: try readBytes(fd, path, from: position.offset), from: position, fileName: fileName)
    }

    /// Reads to the end of the file, reserve included (opening and verifying do this once).
    static func scanThroughReserve(_ folder: WorkspaceFolder, from position: JournalPosition) throws -> JournalScan {
        try withOpenJournal(folder) { fd, path in try scan(fd, path, from: position, throughReserve: true) }
    }

    /// Scans `file`, the journal's bytes from `position` on. Lines end at the first zero byte,
    /// where the reserve begins. Non-zero bytes after that zero are a torn tail when they hold
    /// no good line (a write cut short by a power loss can reach the disk out of order), and
    /// damage when they do: a zero inside history is never taken for the reserve.
    /// `batchLines` lines are decoded at once (tests compare batches of one with the default).
    static func scan(
        bytes file: [UInt8], from position: JournalPosition, fileName: String, batchLines: Int = JournalLine.batchLines
    ) -> JournalScan {
        let linesEnd = file.firstIndex(of: 0) ?? file.count
        var result = scanLines(file[..<linesEnd], from: position, fileName: fileName, batchLines: batchLines)
        let dataEnd = linesEnd == file.count ? linesEnd : endOfNonZeroBytes(file, after: linesEnd)
        if dataEnd > linesEnd && result.newerEvent == nil {
            if result.corruption == nil && containsGoodLine(file[linesEnd ..< dataEnd]) {
                result.corruption = .corrupt(
                    file: fileName, sequence: result.end.sequence + 1,
                    reason: "zero bytes at offset \(position.offset + UInt64(linesEnd)) with complete lines after them")
            }
            result.pendingBytes = UInt64(dataEnd) - (result.end.offset - position.offset)
        }
        return result
    }

    /// Where the last non-zero byte after `start` ends, or `start` when the rest is zeros: the
    /// reserve is checked eight bytes at a time, since every open reads all of it.
    static func endOfNonZeroBytes(_ file: [UInt8], after start: Int) -> Int {
        file.withUnsafeBytes { endOfNonZeroBytes($0, after: start) }
    }

    private static func endOfNonZeroBytes(_ raw: UnsafeRawBufferPointer, after start: Int) -> Int {
        var end = raw.count
        while end - start >= 8, raw.loadUnaligned(fromByteOffset: end - 8, as: UInt64.self) == 0 { end -= 8 }
        while end > start, raw[end - 1] == 0 { end -= 1 }
        return end
    }

    /// Judges the lines one after another, decoding them a batch at a time (see `JournalLine.decodeAll`).
    private static func scanLines(
        _ bytes: ArraySlice<UInt8>, from position: JournalPosition, fileName: String, batchLines: Int
    ) -> JournalScan {
        var result = JournalScan(end: position)
        var lineStart = bytes.startIndex
        while true {
            let lines = lineRanges(in: bytes, from: lineStart, limit: batchLines)
            guard !lines.isEmpty else { break }
            for (range, outcome) in zip(lines, JournalLine.decodeAll(lines.map { bytes[$0] })) {
                let newline = range.upperBound
                let expected = result.end.sequence + 1
                switch outcome {
                case .success(let parsed) where parsed.record.sequence == expected && parsed.prev == result.end.hash:
                    result.records.append(parsed.record)
                    result.hashes.append(parsed.hash)
                    result.signatures.append(parsed.signature)
                    result.end = JournalPosition(
                        offset: position.offset + UInt64(newline - bytes.startIndex + 1), sequence: expected, hash: parsed.hash)
                    result.lineEnds.append(result.end.offset)
                case .failure(.unknownEvent(let type, let sequence, let prev)) where sequence == expected && prev == result.end.hash:
                    result.newerEvent = NewerEvent(type: type, sequence: sequence)
                    return result  // nothing after it is ours to read, and nothing of it is a torn tail
                case let outcome:
                    let reason: String
                    var wholeLine = true
                    switch outcome {
                    case .success(let parsed):
                        reason = parsed.record.sequence != expected
                            ? "expected sequence \(expected), found \(parsed.record.sequence)"
                            : "the chain is broken: its previous hash does not match sequence \(expected - 1)"
                    case .failure(.unknownEvent(_, let sequence, _)):
                        reason = sequence != expected
                            ? "expected sequence \(expected), found \(sequence)"
                            : "the chain is broken: its previous hash does not match sequence \(expected - 1)"
                    case .failure(.undecodable(let why)): reason = "its checksum is right but " + why
                    case .failure(.checksum): reason = "its checksum does not match its content"; wholeLine = false
                    case .failure(.malformed(let why)): reason = why; wholeLine = false
                    }
                    // A line that passed its own checksum was written whole: never a torn tail.
                    if wholeLine || containsGoodLine(bytes[(newline + 1)...]) {
                        result.corruption = .corrupt(file: fileName, sequence: expected, reason: reason)
                    }
                    result.pendingBytes = UInt64(bytes.endIndex - range.lowerBound)
                    return result
                }
                lineStart = newline + 1
            }
        }
        result.pendingBytes = UInt64(bytes.endIndex - lineStart)
        return result
    }

    /// The next complete lines from `start`, at most `limit`, each without its newline (which
    /// is at its `upperBound`).
    private static func lineRanges(in bytes: ArraySlice<UInt8>, from start: Int, limit: Int) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var lineStart = start
        while lines.count < limit, let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(lineStart ..< newline)
            lineStart = newline + 1
        }
        return lines
    }

    /// Whether any complete line in `bytes` passes its own checksum (whether or not this build
    /// knows its event). A line starts after a newline or a zero byte (neither can occur inside one).
    private static func containsGoodLine(_ bytes: ArraySlice<UInt8>) -> Bool {
        var lineStart = bytes.startIndex
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "\n"):
                switch JournalLine.decode(bytes[lineStart ..< index]) {
                case .success: return true
                case .failure(let failure) where failure.passedChecksum: return true
                case .failure: break
                }
                lineStart = index + 1
            case 0:
                lineStart = index + 1
            default:
                continue
            }
        }
        return false
    }

    /// The journal's lines from `offset` on: its bytes up to the zero-filled reserve (see
    /// `JournalReserve`) or the end of the file. Reads in growing chunks, so a reader that is
    /// up to date reads one small chunk of zeros, not the whole reserve.
    static func readLines(_ folder: WorkspaceFolder, from offset: UInt64) throws -> [UInt8] {
        try withOpenJournal(folder) { fd, path in try readLines(fd, path, from: offset) }
    }

    static func readLines(_ fd: Int32, _ path: String, from offset: UInt64) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = 1 << 12
        var next = offset
        while true {
            let piece = try read(fd, path, from: next, count: chunk)
            if let zero = piece.firstIndex(of: 0) {
                bytes += piece[..<zero]
                break
            }
            bytes += piece
            if piece.count < chunk { break }  // the end of the file
            next += UInt64(piece.count)
            chunk = min(chunk * 2, 1 << 24)
        }
        return bytes
    }

    /// Whether every byte from `offset` to the end of the file is zero: read a piece at a time
    /// into one buffer, since every open checks the whole reserve (a megabyte) and holding it
    /// all at once cost more than the check.
    static func isZero(_ fd: Int32, _ path: String, from offset: UInt64) throws -> Bool {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 8)
        defer { buffer.deallocate() }
        var next = offset
        while true {
            let count = try fill(buffer, fd, path, at: next)
            guard count > 0 else { return true }
            guard endOfNonZeroBytes(UnsafeRawBufferPointer(rebasing: buffer[..<count]), after: 0) == 0 else { return false }
            next += UInt64(count)
        }
    }

    /// Every byte from `offset` to the end of the file (or to `end`), reserve included.
    static func readBytes(_ folder: WorkspaceFolder, from offset: UInt64, to end: UInt64? = nil) throws -> [UInt8] {
        try withOpenJournal(folder) { fd, path in try readBytes(fd, path, from: offset, to: end) }
    }

    static func readBytes(_ fd: Int32, _ path: String, from offset: UInt64, to end: UInt64? = nil) throws -> [UInt8] {
        guard let size = JournalReserve.size(of: fd) else { throw StoreError.lastIO("find the end of", path) }
        let stop = min(size, end ?? size)
        guard stop > offset else { return [] }
        return try read(fd, path, from: offset, count: Int(stop - offset))
    }

    /// Opens the journal through the folder's descriptor (no links, no FIFOs; see WorkspaceFolder).
    static func withOpenJournal<T>(_ folder: WorkspaceFolder, _ body: (Int32, String) throws -> T) throws -> T {
        let fd = try folder.openFile(fileName)
        defer { close(fd) }
        return try body(fd, folder.pathOf(fileName))
    }

    /// Up to `count` bytes at `offset`; fewer only at the end of the file. The buffer is not
    /// zeroed first: opening reads the whole reserve, a megabyte, for a journal of any size.
    private static func read(_ fd: Int32, _ path: String, from offset: UInt64, count: Int) throws -> [UInt8] {
        var failure: StoreError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            do throws(StoreError) {
                initialized = try fill(UnsafeMutableRawBufferPointer(buffer), fd, path, at: offset)
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return bytes
    }

    /// Reads into `buffer` from `offset` until it is full or the file ends; returns how many
    /// bytes it read.
    private static func fill(_ buffer: UnsafeMutableRawBufferPointer, _ fd: Int32, _ path: String, at offset: UInt64) throws(StoreError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let got = pread(fd, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset) + off_t(filled))
            if got < 0 {
                if errno == EINTR { continue }
                throw StoreError.lastIO("read", path)
            }
            if got == 0 { break }
            filled += got
        }
        return filled
    }

    /// The hash of the line that ends just before `offset`, for checking a snapshot's claim
    /// or a writer's own position; nil when no good line ends there.
    static func hashOfLine(endingAt offset: UInt64, in folder: WorkspaceFolder) throws -> String? {
        try withOpenJournal(folder) { fd, path in try hashOfLine(endingAt: offset, fd, path) }
    }

    /// The same through an open descriptor. Reads backwards from `offset` in growing pieces
    /// until it finds the newline before the line.
    static func hashOfLine(endingAt offset: UInt64, _ fd: Int32, _ path: String) throws -> String? {
        guard offset > 0 else { return JournalLine.genesisHash }
        var window: UInt64 = 4_096
        while true {
            let start = offset > window ? offset - window : 0
            let bytes = try readBytes(fd, path, from: start, to: offset)
            let end = Int(offset - start)
            guard end <= bytes.count, end > 0, bytes[end - 1] == UInt8(ascii: "\n") else { return nil }
            if let newline = bytes[..<(end - 1)].lastIndex(of: UInt8(ascii: "\n")) ?? (start == 0 ? -1 : nil) {
                return JournalLine.checkedHash(bytes[(newline + 1) ..< (end - 1)])
            }
            guard window < 1 << 26 else { return nil }
            window *= 16
        }
    }
}
