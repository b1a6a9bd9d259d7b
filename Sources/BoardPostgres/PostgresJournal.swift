import BoardStore
import PostgresNIO
import Synchronization

/// What became of an append.
public enum AppendOutcome: Equatable, Sendable {
    /// The lines were committed; this is the new head.
    case appended(ChainHead)
    /// Someone else got there first: the journal's head is no longer the one expected. Nothing
    /// was written; catch up from here and decide again.
    case behind(ChainHead)
}

/// A workspace's journal in a PostgreSQL database: the same lines as the folder's journal, one
/// row each. One connection, opened on first use and opened again after it broke; every
/// operation that fails throws `PostgresStoreError` and leaves nothing half-written.
public actor PostgresJournal {
    public nonisolated let location: PostgresLocation
    private let connector: PostgresConnector
    private var connection: PostgresConnection?
    nonisolated let logger = PostgresConnector.quietLogger
    private let deadline: OperationDeadline
    /// One operation at a time on the connection: the actor is re-entered at every await, and
    /// a read run inside another operation's transaction would see lines not yet committed.
    private let turn = Turns()

    /// `deadline` bounds each operation, the wait for the writers' lock included: past it the
    /// connection is closed (the server rolls back what was not committed) and the operation
    /// fails as dropped, or as `outcomeUnknown` when COMMIT had been sent. The server's own
    /// statement_timeout is four fifths of it, so a statement the server is still working on
    /// is cancelled there (`timedOut`, nothing stored) before the client stops waiting.
    public init(_ location: PostgresLocation, environment: [String: String], deadline: Duration = .seconds(30)) {
        self.location = location
        self.connector = PostgresConnector(location: location, environment: environment, statementTimeout: deadline * 0.8)
        self.deadline = OperationDeadline(limit: deadline)
    }

    /// Creates the tables, or brings them up to this build's version.
    public func createSchema() async throws(PostgresStoreError) {
        let server = location.description
        try await using { connection in try await PostgresSchema.migrate(connection, server: server) }
    }

    /// The schema version the database holds (0 when it holds none).
    public func schemaVersion() async throws(PostgresStoreError) -> Int {
        try await using { [logger] connection in
            let exists = try await connection.query("SELECT to_regclass('mlboard_schema') IS NOT NULL", logger: logger)
            for try await present in exists.decode(Bool.self) where !present { return 0 }
            return try await PostgresSchema.installedVersion(connection)
        }
    }

    public func head() async throws(PostgresStoreError) -> ChainHead {
        try await using { [logger] connection in try await Self.readHead(connection, logger: logger) }
    }

    /// Appends `lines` (each without its newline, numbered from `lastSequence + 1` and chained
    /// to the head) if the head is still `lastSequence`: one statement, whose own transaction
    /// takes the writers' lock, checks the head, inserts and notifies watchers when it commits.
    /// A connection lost once the statement was sent is `outcomeUnknown`, since the statement is
    /// its own COMMIT.
    public func append(_ lines: [[UInt8]], expecting lastSequence: Int64) async throws(PostgresStoreError) -> AppendOutcome {
        let server = location.description
        let links = try Self.checkedLinks(lines, after: lastSequence, server: server)
        let sent = CommitMark()
        do throws(PostgresStoreError) {
            return try await using { [logger] connection in
                sent.set()
                return try await Self.callAppend(lines, links: links, after: lastSequence, connection, server: server, logger: logger)
            }
        } catch where error.losesConnection && sent.isSet {
            throw PostgresStoreError(server: server, kind: .outcomeUnknown,
                                     detail: "the connection broke while appending (\(error.detail)); the append may or may not have been stored: read the head to know")
        }
    }

    /// Appends what `decide` makes of the lines others appended after `lastSequence`, worked out
    /// in one transaction under the writers' lock, so a writer that waited its turn never finds
    /// itself behind. `decide` gets those lines (none when nobody wrote meanwhile) and returns
    /// the lines to write after them (none to write nothing).
    public func append(after lastSequence: Int64,
                       deciding decide: @escaping @Sendable (_ missed: [[UInt8]]) -> [[UInt8]]) async throws(PostgresStoreError) -> AppendOutcome {
        let server = location.description
        let commitSent = CommitMark()
        do throws(PostgresStoreError) {
            return try await using { [logger] connection in
                try await connection.query("BEGIN", logger: logger)
                let outcome: AppendOutcome
                do {
                    try await connection.takeTransactionLock(PostgresSchema.appendLockKey, logger: logger)
                    let head = try await Self.readHead(connection, logger: logger)
                    let missed = head.sequence == lastSequence
                        ? [] : try await Self.lines(after: lastSequence, through: head.sequence, connection, logger: logger)
                    let lines = decide(missed)
                    let links = try Self.checkedLinks(lines, after: head.sequence, server: server)
                    // The lock is the transaction's already (advisory locks are re-entrant), so
                    // the call finds the head just read.
                    outcome = try await Self.callAppend(lines, links: links, after: head.sequence, connection, server: server, logger: logger)
                    guard outcome.isAppended else {
                        throw PostgresStoreError(server: server, kind: .server, detail: "the journal's head moved while this client held the writers' lock")
                    }
                } catch {
                    await connection.rollBack(after: error, server: server, logger: logger)
                    throw error
                }
                do {
                    commitSent.set()
                    try await connection.query("COMMIT", logger: logger)
                } catch {
                    throw PostgresStoreError(error, server: server, duringCommit: true)
                }
                return outcome
            }
        } catch where error.kind == .dropped && commitSent.isSet {
            throw PostgresStoreError(server: server, kind: .outcomeUnknown,
                                     detail: "the connection broke while committing (\(error.detail)); the append may or may not have been stored: read the head to know")
        }
    }

    /// Calls `mlboard_append`: `lines` after `lastSequence` if the head is still there.
    private static func callAppend(_ lines: [[UInt8]], links: [PortableJournalLine.Link], after lastSequence: Int64,
                                   _ connection: PostgresConnection, server: String, logger: Logger) async throws -> AppendOutcome {
        let rows = try await connection.query(
            """
            SELECT head_seq, head_hash, appended FROM mlboard_append(\(lastSequence), \(links.first?.previousHash ?? ""),
                \(lines.map { ByteBuffer(bytes: $0) }), \(links.map(\.hash)), \(links.map { $0.signature ?? "" }))
            """, logger: logger)
        for try await (sequence, hash, appended) in rows.decode((Int64, String, Bool).self) {
            let head = ChainHead(sequence: sequence, hash: hash)
            return appended ? .appended(head) : .behind(head)
        }
        throw PostgresStoreError(server: server, kind: .server, detail: "mlboard_append answered no row")
    }

    /// The lines after `sequence` through `end`, inside the caller's transaction.
    private static func lines(after sequence: Int64, through end: Int64, _ connection: PostgresConnection,
                              logger: Logger) async throws -> [[UInt8]] {
        try await lines(of: "SELECT line FROM mlboard_events WHERE seq > \(sequence) AND seq <= \(end) ORDER BY seq", connection, logger: logger)
    }

    /// The `line` column of every row `query` gives, in order.
    private static func lines(of query: PostgresQuery, _ connection: PostgresConnection, logger: Logger) async throws -> [[UInt8]] {
        let rows = try await connection.query(query, logger: logger)
        var lines: [[UInt8]] = []
        for try await line in rows.decode(ByteBuffer.self) { lines.append(Array(line.readableBytesView)) }
        return lines
    }

    /// Up to `limit` lines after `sequence`, in order, each without its newline.
    public func page(after sequence: Int64, limit: Int) async throws(PostgresStoreError) -> [(sequence: Int64, line: [UInt8])] {
        try await using { [logger] connection in
            let rows = try await connection.query(
                "SELECT seq, line FROM mlboard_events WHERE seq > \(sequence) ORDER BY seq LIMIT \(limit)", logger: logger)
            var page: [(sequence: Int64, line: [UInt8])] = []
            for try await (seq, line) in rows.decode((Int64, ByteBuffer).self) {
                page.append((seq, Array(line.readableBytesView)))
            }
            return page
        }
    }

    /// The lines through `sequence` that may be comments (the server looks for the type field;
    /// the caller decodes them), in order.
    public func commentLines(through sequence: Int64) async throws(PostgresStoreError) -> [[UInt8]] {
        var binds = PostgresBindings()
        binds.append(sequence)
        let query = PostgresQuery(
            unsafeSQL: "SELECT line FROM mlboard_events WHERE \(PostgresSchema.mayBeComment) AND seq <= $1 ORDER BY seq", binds: binds)
        return try await using { [logger] connection in try await Self.lines(of: query, connection, logger: logger) }
    }

    /// The comment lines through `sequence` whose target is `target` (its JSON as a line writes
    /// it), with any the index could not read a target from, in order. The caller decodes them
    /// and keeps those on `target`.
    public func commentLines(on target: String, through sequence: Int64) async throws(PostgresStoreError) -> [[UInt8]] {
        var binds = PostgresBindings()
        binds.append(target)
        binds.append(sequence)
        let query = PostgresQuery(unsafeSQL: Self.threadQuery, binds: binds)
        return try await using { [logger] connection in try await Self.lines(of: query, connection, logger: logger) }
    }

    /// One thread's lines, through the index of comment targets: $1 the target, $2 the last sequence.
    static let threadQuery = """
        SELECT line FROM mlboard_events
        WHERE \(PostgresSchema.mayBeComment)
            AND (mlboard_comment_target(line) = $1::jsonb OR mlboard_comment_target(line) IS NULL) AND seq <= $2
        ORDER BY seq
        """

    /// Every line after `sequence`, in order, read a page at a time.
    public nonisolated func lines(after sequence: Int64, pageSize: Int = 1000) -> PostgresJournalLines {
        PostgresJournalLines(journal: self, after: sequence, pageSize: pageSize)
    }

    /// A journal dropped without `close()` still closes its connection; the connection is kept
    /// until it has closed (postgres-nio asserts that no open connection is deinitialised).
    deinit {
        if let connection { Self.close(connection) }
    }

    /// Closes the connection; the next operation opens a new one.
    public func close() async {
        let closing = connection
        connection = nil
        try? await closing?.close()
    }

    // MARK: - The connection

    /// Runs `body` on the connection within the deadline, opening the connection first when
    /// there is none (or it broke); an error that breaks the connection drops it, so the next
    /// operation reconnects.
    func using<Result: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> Result) async throws(PostgresStoreError) -> Result {
        await turn.take()
        defer { turn.pass() }
        let current: PostgresConnection
        if let connection, !connection.isClosed {
            current = connection
        } else {
            current = try await connector.connect()
            connection = current
        }
        do {
            return try await deadline.run(onExpiry: { Self.close(current) }) { try await body(current) }
        } catch is OperationDeadline.Expired {
            connection = nil
            throw PostgresStoreError(server: location.description, kind: .dropped,
                                     detail: "no answer within \(deadline.limit.components.seconds) s; the connection was closed and nothing of the operation in progress was stored")
        } catch {
            let failure = PostgresStoreError(error, server: location.description)
            if failure.losesConnection || current.isClosed {
                connection = nil
                Self.close(current)
            }
            throw failure
        }
    }

    /// Closes `connection` and keeps it until it has closed: postgres-nio asserts that no
    /// connection is deinitialised open.
    static func close(_ connection: PostgresConnection) {
        connection.close().whenComplete { _ in _ = connection }
    }

    private static func readHead(_ connection: PostgresConnection, logger: Logger) async throws -> ChainHead {
        let rows = try await connection.query("SELECT seq, hash FROM mlboard_events ORDER BY seq DESC LIMIT 1", logger: logger)
        for try await (seq, hash) in rows.decode((Int64, String).self) { return ChainHead(sequence: seq, hash: hash) }
        return .genesis
    }

    /// Each line's link, once the lines are numbered one after another from `lastSequence + 1`
    /// and chained to each other (the first line's chain to the head is checked under the lock).
    private static func checkedLinks(_ lines: [[UInt8]], after lastSequence: Int64, server: String) throws(PostgresStoreError) -> [PortableJournalLine.Link] {
        var links: [PortableJournalLine.Link] = []
        for line in lines {
            let link: PortableJournalLine.Link
            do { link = try PortableJournalLine.link(of: line) } catch {
                throw PostgresStoreError(server: server, kind: .server, detail: "refused to append: \(error)")
            }
            let expected = lastSequence + Int64(links.count) + 1
            guard link.sequence == expected, links.last.map({ link.previousHash == $0.hash }) ?? true else {
                throw PostgresStoreError(server: server, kind: .server,
                                         detail: "refused to append: line \(link.sequence) is not line \(expected) of an unbroken chain")
            }
            links.append(link)
        }
        return links
    }
}

/// Whether an append had sent COMMIT when its connection broke (then only the head can tell
/// whether it was stored).
private final class CommitMark: Sendable {
    private let sent = Mutex(false)
    var isSet: Bool { sent.withLock { $0 } }
    func set() { sent.withLock { $0 = true } }
}

extension AppendOutcome {
    var isAppended: Bool { if case .appended = self { true } else { false } }
}
