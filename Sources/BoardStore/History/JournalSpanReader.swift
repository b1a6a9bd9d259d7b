import BoardCore

/// Reads journal lines by their spans: lines that lie close together in one read, each line
/// checked by its own checksum and against the sequence its span names.
enum JournalSpanReader {
    /// Lines closer than this to the one before share a read, up to `longestRead` bytes.
    static let nearby: UInt64 = 4_096
    static let longestRead: UInt64 = 1 << 20

    static func records(at spans: [JournalSpan], in folder: WorkspaceFolder) throws -> [EventRecord] {
        guard !spans.isEmpty else { return [] }
        let ordered = spans.sorted { $0.offset < $1.offset }
        var records: [EventRecord] = []
        records.reserveCapacity(ordered.count)
        try JournalReader.withOpenJournal(folder) { fd, path in
            var first = 0
            while first < ordered.count {
                var last = first
                while last + 1 < ordered.count {
                    let next = ordered[last + 1]
                    guard next.offset <= end(of: ordered[last]) + nearby, end(of: next) - ordered[first].offset <= longestRead else { break }
                    last += 1
                }
                let start = ordered[first].offset
                let bytes = try JournalReader.readBytes(fd, path, from: start, to: end(of: ordered[last]))
                for span in ordered[first ... last] {
                    let from = Int(span.offset - start)
                    let to = from + Int(span.length)
                    guard to <= bytes.count, case .success(let parsed) = JournalLine.decode(bytes[from ..< to]),
                          parsed.record.sequence == span.sequence
                    else { throw StaleSpan(sequence: span.sequence) }
                    records.append(parsed.record)
                }
                first = last + 1
            }
        }
        return records
    }

    private static func end(of span: JournalSpan) -> UInt64 { span.offset + UInt64(span.length) }
}

/// An index entry that does not name the line it should: the index is not to be trusted.
struct StaleSpan: Error {
    var sequence: Int64
}
