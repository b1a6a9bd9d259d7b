/// The lines of a PostgreSQL journal after some position, read a page at a time, so a journal
/// of a million lines is never held whole. Each element is a line without its newline.
public struct PostgresJournalLines: AsyncSequence, Sendable {
    public typealias Element = (sequence: Int64, line: [UInt8])
    public typealias Failure = PostgresStoreError

    let journal: PostgresJournal
    let after: Int64
    let pageSize: Int

    public func makeAsyncIterator() -> Iterator {
        Iterator(journal: journal, position: after, pageSize: pageSize)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let journal: PostgresJournal
        var position: Int64
        let pageSize: Int
        var page: [Element] = []
        var index = 0
        var finished = false

        init(journal: PostgresJournal, position: Int64, pageSize: Int) {
            self.journal = journal
            self.position = position
            self.pageSize = pageSize
        }

        public mutating func next() async throws(PostgresStoreError) -> Element? {
            if index == page.count {
                guard !finished else { return nil }
                page = try await journal.page(after: position, limit: pageSize)
                index = 0
                finished = page.count < pageSize
                guard !page.isEmpty else { return nil }
            }
            let element = page[index]
            index += 1
            position = element.sequence
            return element
        }
    }
}
