import BoardCore

/// Extends a comment index along the journal: reads the lines after the index's position up to
/// a position the store stands on (lines it accepted), a chunk at a time, so a rebuild of a
/// long journal holds one chunk in memory, not the journal.
enum CommentIndexBuilder {
    static let chunk = 1 << 24

    static func extend(_ index: CommentIndex, to end: JournalPosition, in folder: WorkspaceFolder) throws -> CommentIndex {
        guard end.sequence > index.position.sequence else { return index.cut(at: end) }
        var extended = index
        try JournalReader.withOpenJournal(folder) { fd, path in
            var window = chunk
            while extended.position.offset < end.offset {
                let from = extended.position.offset
                let bytes = try JournalReader.readBytes(fd, path, from: from, to: min(end.offset, from + UInt64(window)))
                guard let lastNewline = bytes.lastIndex(of: UInt8(ascii: "\n")) else {
                    guard bytes.count == window else { throw disagreement(at: extended.position) }
                    window *= 2  // a line longer than the window
                    continue
                }
                let lines = Array(bytes[...lastNewline])
                let scan = JournalReader.scan(bytes: lines, from: extended.position, fileName: JournalReader.fileName)
                if let corruption = scan.corruption { throw corruption }
                guard scan.pendingBytes == 0, !scan.records.isEmpty else { throw disagreement(at: extended.position) }
                note(scan, from: extended.position.offset, into: &extended)
                extended.position = scan.end
            }
        }
        guard extended.position == end else { throw disagreement(at: extended.position) }
        return extended
    }

    /// Notes the comments among `scan`'s records, whose lines start at `start`.
    static func note(_ scan: JournalScan, from start: UInt64, into index: inout CommentIndex) {
        var lineStart = start
        for (record, lineEnd) in zip(scan.records, scan.lineEnds) {
            if let comment = record.comment {
                index.note(comment.target, at: JournalSpan(
                    offset: lineStart, length: UInt32(lineEnd - lineStart - 1), sequence: record.sequence))
            }
            lineStart = lineEnd
        }
    }

    private static func disagreement(at position: JournalPosition) -> StoreError {
        .corrupt(file: JournalReader.fileName, sequence: position.sequence + 1,
                 reason: "the journal does not hold the lines this process read after sequence \(position.sequence)")
    }
}
