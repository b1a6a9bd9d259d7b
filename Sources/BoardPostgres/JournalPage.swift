import BoardStore

/// Lines read after a place in the journal, read with the line at that place itself when the
/// reader stands on one, so a journal that no longer holds it (rolled back or rewritten under
/// the reader) is noticed in the same round trip.
struct JournalPage: Sendable {
    /// Where the reader stood, if it asked for it to be checked.
    let checked: ChainHead?
    let rows: [(sequence: Int64, line: [UInt8])]
    let limit: Int

    static func read(after sequence: Int64, checking head: ChainHead?, limit: Int, from journal: PostgresJournal) async throws -> JournalPage {
        let withHead = head.map { $0.sequence > 0 } ?? false
        let rows = try await journal.page(after: withHead ? sequence - 1 : sequence, limit: withHead ? limit + 1 : limit)
        return JournalPage(checked: withHead ? head : nil, rows: rows, limit: limit)
    }

    /// The lines after the place, each without its newline.
    var lines: ArraySlice<(sequence: Int64, line: [UInt8])> { checked == nil ? rows[...] : rows.dropFirst() }

    /// Whether there may be more after these.
    var isFull: Bool { lines.count == limit }

    /// The hash the journal holds at the checked place, nil when it holds no line there.
    var hashAtCheckedPlace: String? {
        guard let checked, let first = rows.first, first.sequence == checked.sequence else { return nil }
        return try? PortableJournalLine.link(of: first.line).hash
    }

    /// False when the journal no longer holds the line the reader stood on.
    var holdsCheckedPlace: Bool { checked == nil || hashAtCheckedPlace == checked?.hash }
}
