import BoardCore
import Foundation

extension JournalReader {
    /// Bytes read at a time by `scanInBatches`: a few thousand lines.
    static let batchBytes = 1 << 22

    /// The journal from `position` on, a batch of lines at a time, for readers that fold the
    /// lines as they come (verify): `body` gets each batch's good lines, so the reader holds one
    /// batch, never the whole journal. Returns what `scanThroughReserve` would, less the lines:
    /// where the good lines end and what follows them. Only the end of the file (the last
    /// lines, the reserve, a torn tail) or a line that is not good is judged from the rest of
    /// the file read whole, since whether bad bytes are a torn tail or damage depends on
    /// everything after them.
    static func scanInBatches(
        _ folder: WorkspaceFolder, from position: JournalPosition, batchBytes: Int = batchBytes,
        _ body: (JournalScan) throws -> Void
    ) throws -> JournalScan {
        try withOpenJournal(folder) { fd, path in
            var at = position
            var window = batchBytes
            while true {
                var piece = try readBytes(fd, path, from: at.offset, to: at.offset + UInt64(window))
                let reachedEnd = piece.count < window || piece.contains(0)
                guard !reachedEnd else { return try finish(fd, path, from: at, body) }
                guard let lastNewline = piece.lastIndex(of: UInt8(ascii: "\n")) else {
                    window *= 2  // a line longer than the window
                    continue
                }
                piece.removeSubrange((lastNewline + 1)...)
                let batch = scan(bytes: piece, from: at, fileName: fileName)
                let allGood = batch.corruption == nil && batch.newerEvent == nil && batch.pendingBytes == 0
                try body(allGood ? batch : goodLines(of: batch))
                at = batch.end
                guard allGood else { return try finish(fd, path, from: at, body) }
                window = batchBytes
            }
        }
    }

    /// The rest of the file from `position`, judged whole as `scan` judges it.
    private static func finish(
        _ fd: Int32, _ path: String, from position: JournalPosition, _ body: (JournalScan) throws -> Void
    ) throws -> JournalScan {
        var last = scan(bytes: try readBytes(fd, path, from: position.offset), from: position, fileName: fileName)
        try body(goodLines(of: last))
        last.records = []
        last.hashes = []
        last.signatures = []
        last.lineEnds = []
        return last
    }

    /// A scan's good lines alone, without what it found after them.
    private static func goodLines(of scan: JournalScan) -> JournalScan {
        var good = scan
        good.corruption = nil
        good.newerEvent = nil
        good.pendingBytes = 0
        return good
    }
}
