import BoardStore

/// Copies a workspace's journal between a folder and PostgreSQL, line for line, so every hash
/// and signature stays as its author wrote it.
public enum JournalMigration {
    /// A copy that was not made; nothing was written.
    public struct Refusal: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// Copies every line of the folder workspace `source` into `target`, which must hold no
    /// lines yet, in one transaction: all of them or none. Returns the new head.
    @discardableResult
    public static func copy(_ source: WorkspaceStore, to target: PostgresJournal) async throws -> ChainHead {
        let lines = PortableJournalLine.split(try source.journalLines())
        switch try await target.append(lines, expecting: 0) {
        case .appended(let head):
            return head
        case .behind(let head):
            throw Refusal(description: "\(target.location) already holds a journal (up to \(head)); a journal is copied only into an empty one")
        }
    }

    /// Copies every line of `source` into the folder workspace `target`, which must have no
    /// events yet; the folder checks each line (chain, signatures, rights) before writing any.
    @discardableResult
    public static func copy(_ source: PostgresJournal, to target: WorkspaceStore) async throws -> Int {
        let lines = try await readAll(source)
        try target.adoptJournal(PortableJournalLine.join(lines))
        return lines.count
    }

    /// Every line of `journal`, each without its newline.
    public static func readAll(_ journal: PostgresJournal) async throws(PostgresStoreError) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        for try await (_, line) in journal.lines(after: 0) { lines.append(line) }
        return lines
    }
}
