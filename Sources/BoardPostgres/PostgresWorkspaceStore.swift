import BoardCore
import BoardStore
import Foundation

/// A workspace whose journal is on PostgreSQL, for a team that does not share one machine: the
/// same lines, rules and signatures as the folder, one row per line. A write catches up,
/// decides, signs and appends at the expected sequence number; when another client got there
/// first it catches up and decides again. Failures of the server are `StoreError.unavailable`
/// (exit 3) and never leave half a write. Use one instance from one thread.
public final class PostgresWorkspaceStore: WorkspaceStoring {
    public let location: PostgresLocation
    public var signers: SignerSource?
    public private(set) var warnings: [String] = []

    let journal: PostgresJournal
    private let replica: JournalReplica
    /// Why this role may not write, found at opening.
    private var roleReason: String?
    /// The server's failure that made this store offline; cleared by the next success.
    private(set) var offlineReason: String?
    /// What the watch last heard of the server, when there is a watch.
    let connection = ConnectionSignal()

    /// How many times a write catches up and decides again when others keep getting there first.
    static let turnsBeforeGivingUp = 100

    private init(location: PostgresLocation, journal: PostgresJournal, config: WorkspaceConfig) {
        self.location = location
        self.journal = journal
        replica = JournalReplica(config: config)
    }

    // MARK: Creating and opening

    /// Creates the schema (or brings it up to date) and a new workspace with `config` in the
    /// database `location` names, which must hold none yet.
    public static func create(at location: PostgresLocation, config: WorkspaceConfig,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PostgresWorkspaceStore {
        let journal = PostgresJournal(location, environment: environment, deadline: .seconds(10))
        let text = try config.yamlText()
        try serverCall { try await journal.createWorkspace(configText: text) }
        return try open(location, journal: journal)
    }

    public static func open(_ location: PostgresLocation,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PostgresWorkspaceStore {
        try open(location, journal: PostgresJournal(location, environment: environment, deadline: .seconds(10)))
    }

    private static func open(_ location: PostgresLocation, journal: PostgresJournal) throws -> PostgresWorkspaceStore {
        let version = try serverCall { try await journal.schemaVersion() }
        guard version > 0, let text = try serverCall({ try await journal.configText() }) else {
            throw StoreError.unavailable("\(location) holds no mlboard workspace; create one with 'mlboard init --store \(location)', or copy one there with 'mlboard migrate --to \(location)'")
        }
        let config = try WorkspaceConfig(yamlText: text, source: "workspace.yml in \(location)")
        let store = PostgresWorkspaceStore(location: location, journal: journal, config: config)
        if version > PostgresSchema.version {
            store.roleReason = "the database's schema version \(version) is newer than this mlboard knows (\(PostgresSchema.version)); upgrade mlboard to write"
        } else if version < PostgresSchema.version {
            store.roleReason = "the database's schema version \(version) is older than this mlboard's (\(PostgresSchema.version)); run 'mlboard init --store \(location)' to bring it up to date"
        } else if try !serverCall({ try await journal.mayAppend() }) {
            store.roleReason = "the PostgreSQL role \(location.user) may read this workspace but not write it (it has no INSERT on mlboard_events)"
        }
        try store.catchUp()
        return store
    }

    // MARK: Reading

    public var locationDescription: String { location.description }
    public var state: BoardState { replica.state }
    public var lastSequence: Int64 { replica.head.sequence }

    public var readOnlyReason: String? {
        if let offlineReason { return "offline, reconnecting: \(offlineReason)" }
        return replica.readOnlyReason ?? roleReason
    }

    /// Reads what other clients appended. Losing the server does not throw: the store goes
    /// offline (see `readOnlyReason`), keeps its state, and catches up once the server is back.
    /// While a watch reports the server gone, this does not even try.
    @discardableResult
    public func refresh() throws -> [EventRecord] {
        if let gone = connection.offline {
            offlineReason = gone
            return []
        }
        do {
            return try catchUp()
        } catch StoreError.unavailable(let reason) {
            offlineReason = reason
            return []
        }
    }

    /// Applies every line after the head, a page at a time.
    @discardableResult
    private func catchUp() throws -> [EventRecord] {
        var read: [EventRecord] = []
        while true {
            let after = replica.head.sequence
            let page = try Self.serverCall { [journal] in try await journal.page(after: after, limit: 5_000) }
            offlineReason = nil
            read += try replica.accept(page.map(\.line), source: "the journal in \(location)")
            if page.count < 5_000 || replica.head.sequence == after { return read }
        }
    }

    public func recordsReader() -> @Sendable () throws -> [EventRecord] {
        let (end, source) = (lastSequence, "the journal in \(location)")
        let reader = PostgresWorkspaceStore.LineReader(journal: journal)
        return { try JournalReplica.markedRecords(try reader.lines(through: end), source: source) }
    }

    public func journalLines() throws -> [UInt8] {
        try PortableJournalLine.checkedJournal(try lines(through: lastSequence), config: state.config)
    }

    /// The journal's lines from the first through `end`, each without its newline.
    func lines(through end: Int64) throws -> [[UInt8]] {
        try LineReader(journal: journal).lines(through: end)
    }

    /// Reads lines on any thread.
    struct LineReader: Sendable {
        let journal: PostgresJournal

        func lines(through end: Int64) throws -> [[UInt8]] {
            try PostgresWorkspaceStore.serverCall { [journal] in
                var lines: [[UInt8]] = []
                for try await (sequence, line) in journal.lines(after: 0) {
                    guard sequence <= end else { break }
                    lines.append(line)
                }
                return lines
            }
        }
    }

    public func comments(on target: CommentTarget) throws -> [Comment] { replica.comments(on: target) }
    public func allComments() throws -> [Comment] { replica.allComments() }

    /// Snapshots of a database workspace are not kept yet: opening reads the whole journal.
    public func cacheWork() -> SnapshotWork? { nil }

    // MARK: Writing

    @discardableResult
    public func execute(_ plan: [PlannedCommand]) throws -> [EventRecord] {
        if let reason = replica.readOnlyReason ?? roleReason { throw StoreError.readOnly(reason) }
        for _ in 0..<Self.turnsBeforeGivingUp {
            try catchUp()
            let prepared = try replica.prepare(plan, signers: signers)
            guard !prepared.lines.isEmpty else { return [] }
            if try appended(prepared) {
                replica.commit(prepared)
                return prepared.records
            }
        }
        throw StoreError.unavailable("PostgreSQL at \(location): other clients got there first \(Self.turnsBeforeGivingUp) times in a row; nothing was written, try again")
    }

    /// Stores `lines`, every line of another workspace's journal, as they are, into this
    /// workspace, which must have no events yet; in one transaction, so all or none. They are
    /// then read back and judged as any reader judges them.
    public func adoptJournal(_ lines: [[UInt8]]) throws {
        if let reason = replica.readOnlyReason ?? roleReason { throw StoreError.readOnly(reason) }
        _ = try PortableJournalLine.checkedJournal(lines, config: state.config)  // refused whole before a byte is sent
        let journal = journal
        switch try Self.serverCall({ try await journal.append(lines, expecting: 0) }) {
        case .appended: try catchUp()
        case .behind(let head):
            throw JournalCopyRefusal("a journal is copied whole into a workspace with no events yet; \(location) has \(head.sequence)")
        }
    }

    /// Whether `prepared` was stored; false when others appended first (nothing was written).
    /// When the connection broke after COMMIT was sent, the journal's line at the place says which.
    private func appended(_ prepared: PreparedLines) throws -> Bool {
        let (journal, lines, start) = (journal, prepared.lines, prepared.start.sequence)
        do {
            switch try Blocking.wait({ try await journal.append(lines, expecting: start) }) {
            case .appended: return true
            case .behind: return false
            }
        } catch let error as PostgresStoreError where error.kind == .outcomeUnknown {
            let stored = try Self.serverCall { try await journal.page(after: start, limit: 1) }
            guard let first = stored.first else { return false }
            return first.line == lines[0]
        } catch {
            throw Self.unavailable(error)
        }
    }

    // MARK: Server calls

    static func serverCall<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        do { return try Blocking.wait(operation) } catch { throw unavailable(error) }
    }

    /// The store's error for what a server call threw (a store error passes as it is).
    private static func unavailable(_ thrown: any Error) -> any Error {
        guard let error = thrown as? PostgresStoreError else { return thrown }
        return switch error.kind {
        case .schema, .refused, .server: StoreError.unavailable(error.description)
        case .unreachable, .dropped, .restarting, .outcomeUnknown: StoreError.unavailable("\(error.description); try again once the server is back")
        }
    }
}
