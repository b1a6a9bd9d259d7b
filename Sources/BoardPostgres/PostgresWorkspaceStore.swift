import BoardCore
import BoardStore
import Foundation

/// A workspace whose journal is on PostgreSQL, for a team that does not share one machine: the
/// same lines, rules and signatures as the folder, one row per line. A write decides, signs
/// and appends at the expected sequence number; when another client got there first it
/// catches up and decides again under the writers' lock. Failures of the server are
/// `StoreError.unavailable` (exit 3) and never leave half a write. Use one instance from one
/// thread.
public final class PostgresWorkspaceStore: WorkspaceStoring {
    public let location: PostgresLocation
    public var signers: SignerSource?
    public private(set) var warnings: [String] = []

    let journal: PostgresJournal
    private let environment: [String: String]
    private let replica: JournalReplica
    /// This user's snapshot of the workspace, and the sequence number it was last written at.
    private let snapshotURL: URL
    private var snapshotSequence: Int64
    /// Events between snapshots.
    public var snapshotInterval: Int64 = 2_000
    /// The sequence number of the snapshot this store began from, if it began from one.
    public var openedFromSnapshot: Int64? { startedAt > 0 ? startedAt : nil }
    private let startedAt: Int64
    /// Why this role may not write, found at opening.
    private var roleReason: String?
    /// Whether this role may ask the server for one comment thread through its index (the schema
    /// has one, and the role may run its function), found at opening.
    private var threadsFromTheIndex = false
    /// The comments on each target asked about that were written before the snapshot this
    /// store began from: history, read from the server once.
    private var threadsBeforeSnapshot: [CommentTarget: [Comment]] = [:]
    /// What this machine saw of the journal before, and the root key it pinned.
    private let seen: SeenByThisMachine
    private var comparedWithWhatThisMachineSaw = false
    /// The server's failure that made this store offline; cleared by the next success.
    private(set) var offlineReason: String?
    /// What the watch last heard of the server, when there is a watch.
    let connection = ConnectionSignal()

    private init(location: PostgresLocation, journal: PostgresJournal, environment: [String: String], replica: JournalReplica, snapshotURL: URL) {
        self.location = location
        self.journal = journal
        self.environment = environment
        self.replica = replica
        self.snapshotURL = snapshotURL
        seen = SeenByThisMachine(place: location.description, environment: environment)
        snapshotSequence = replica.head.sequence
        startedAt = replica.head.sequence
    }

    // MARK: Creating and opening

    /// Creates the schema (or brings it up to date) and a new workspace with `config` in the
    /// database `location` names, which must hold none yet.
    public static func create(at location: PostgresLocation, config: WorkspaceConfig,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PostgresWorkspaceStore {
        let journal = PostgresJournal(location, environment: environment, deadline: .seconds(10))
        let text = try config.yamlText()
        try serverCall { try await journal.createWorkspace(configText: text) }
        // A new workspace where an old one was: what this machine saw of the old one says nothing.
        SeenByThisMachine(place: location.description, environment: environment).forget()
        return try open(location, journal: journal, environment: environment)
    }

    /// Brings the schema of the workspace `location` holds up to this build's version: the
    /// versions before and after, or nil when it holds no workspace.
    public static func upgradeSchema(at location: PostgresLocation,
                                     environment: [String: String] = ProcessInfo.processInfo.environment) throws -> (from: Int, to: Int)? {
        let journal = PostgresJournal(location, environment: environment, deadline: .seconds(10))
        let version = try serverCall { try await journal.schemaVersion() }
        guard version > 0, try serverCall({ try await journal.configText() }) != nil else { return nil }
        guard version < PostgresSchema.version else { return (version, version) }
        // A migration may build an index over every line (about 12 s a million here), in one
        // statement: the deadline, and with it the server's statement_timeout, grows with the journal.
        let lines = try serverCall { try await journal.head() }.sequence
        let upgrading = PostgresJournal(location, environment: environment, deadline: .seconds(max(600, lines / 1_000)))
        try serverCall { try await upgrading.createSchema() }
        return (version, PostgresSchema.version)
    }

    public static func open(_ location: PostgresLocation,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PostgresWorkspaceStore {
        try open(location, journal: PostgresJournal(location, environment: environment, deadline: .seconds(10)), environment: environment)
    }

    private static func open(_ location: PostgresLocation, journal: PostgresJournal, environment: [String: String]) throws -> PostgresWorkspaceStore {
        let version = try serverCall { try await journal.schemaVersion() }
        guard version > 0, let text = try serverCall({ try await journal.configText() }) else {
            throw StoreError.unavailable("\(location) holds no mlboard workspace; create one with 'mlboard init --store \(location)', or copy one there with 'mlboard migrate --to \(location)'")
        }
        let config = try WorkspaceConfig(yamlText: text, source: "workspace.yml in \(location)")
        let snapshotURL = ReplicaSnapshot.url(forStore: location.description, environment: environment)
        let (replica, warning) = try startingReplica(config: config, snapshot: snapshotURL, journal: journal)
        let store = PostgresWorkspaceStore(location: location, journal: journal, environment: environment, replica: replica, snapshotURL: snapshotURL)
        store.warnings += [warning].compactMap { $0 }
        if version > PostgresSchema.version {
            store.roleReason = "the database's schema version \(version) is newer than this mlboard knows (\(PostgresSchema.version)); upgrade mlboard to write"
        } else if version < PostgresSchema.version {
            store.roleReason = "the database's schema version \(version) is older than this mlboard's (\(PostgresSchema.version)); run 'mlboard init --store \(location)' to bring it up to date"
        } else {
            let privileges = try serverCall { try await journal.privileges() }
            store.threadsFromTheIndex = privileges.mayAskForThreads
            if !privileges.mayAppend {
                store.roleReason = "the PostgreSQL role \(location.user) may read this workspace but not write it "
                    + "(it needs INSERT on mlboard_events and EXECUTE on mlboard_append and mlboard_comment_target)"
            }
        }
        let recalled = store.seen.recall()
        try store.catchUp()
        try store.compare(with: recalled)
        return store
    }

    /// Keeps this machine's note of the head up to date, once opening has compared it.
    private func noteSeen() {
        if comparedWithWhatThisMachineSaw { seen.saw(replica.head) }
    }

    /// Raises the rollback or fork alarm when the journal no longer holds what this machine
    /// saw, and compares the root key with the pinned one, as a folder does at opening.
    private func compare(with recalled: SeenByThisMachine.Recalled?) throws {
        let head = replica.head
        var hashAtSeen: String?
        if let sequence = recalled?.sequence, sequence > 0, sequence <= head.sequence {
            if sequence == head.sequence {
                hashAtSeen = head.hash
            } else {
                let line = try Self.serverCall { [journal] in try await journal.page(after: sequence - 1, limit: 1) }.first
                hashAtSeen = line.flatMap { try? PortableJournalLine.link(of: $0.line).hash }
            }
        }
        warnings += [seen.check(recalled, head: head, hashAtSeen: hashAtSeen), seen.checkRoot(state.signing.root)].compactMap { $0 }
        comparedWithWhatThisMachineSaw = true
    }

    /// From this user's snapshot when the server's line at its sequence still has its hash,
    /// else from the first line (with a warning when a snapshot was there but disagrees).
    private static func startingReplica(config: WorkspaceConfig, snapshot url: URL,
                                        journal: PostgresJournal) throws -> (JournalReplica, String?) {
        guard let (state, head) = ReplicaSnapshot.read(from: url), head.sequence > 0 else { return (JournalReplica(config: config), nil) }
        let line = try serverCall { try await journal.page(after: head.sequence - 1, limit: 1) }.first
        guard let line, line.sequence == head.sequence, (try? PortableJournalLine.link(of: line.line).hash) == head.hash else {
            return (JournalReplica(config: config), "your snapshot disagrees with the journal at seq \(head.sequence); rebuilding the state from the journal")
        }
        var current = state
        current.config = config
        return (JournalReplica(snapshot: current, at: head), nil)
    }

    // MARK: Reading

    public var locationDescription: String { location.description }
    public var state: BoardState { replica.state }
    public var lastSequence: Int64 { replica.head.sequence }

    public var readOnlyReason: String? {
        if let offlineReason { return "offline, reconnecting: \(offlineReason)" }
        return writeRefusal
    }

    /// Why writes are refused whether or not the server answers.
    private var writeRefusal: String? {
        replica.readOnlyReason ?? seen.alarm ?? seen.rootChange ?? roleReason
    }

    public func acceptHead(by user: String, now: Date) throws {
        try seen.acceptHead(replica.head, by: user, now: now)
        warnings.removeAll { $0.contains("accept-head") }
    }

    public func acceptRoot() throws {
        try seen.acceptRoot(state.signing.root)
        warnings.removeAll { $0.contains("accept-root") }
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

    /// The page a refresh that does not wait asked for, and whether more was asked for since.
    private var pageOnItsWay: Blocking.Started<JournalPage>?
    private var askedAgainMeanwhile = false

    @discardableResult
    public func refreshWithoutWaiting(wake: @escaping @Sendable () -> Void) throws -> [EventRecord] {
        if let gone = connection.offline {
            offlineReason = gone
            return []
        }
        var read: [EventRecord] = []
        var wantMore = true
        if let pending = pageOnItsWay {
            guard pending.isFinished else {
                askedAgainMeanwhile = true
                return []
            }
            pageOnItsWay = nil
            let page: JournalPage
            do {
                page = try Self.unavailableOnFailure { try pending.wait() }
            } catch StoreError.unavailable(let reason) {
                offlineReason = reason
                return []
            }
            guard let applied = try apply(page) else { return [] }
            read = applied
            wantMore = (page.isFull && replica.head.sequence == page.lines.last?.sequence) || askedAgainMeanwhile
        }
        if wantMore {
            askedAgainMeanwhile = false
            pageOnItsWay = pageRequest(after: replica.head.sequence, checking: replica.head, finished: wake)
        }
        return read
    }

    /// Applies every line after the head, a page at a time; the next page is read from the
    /// server while this one is applied.
    @discardableResult
    private func catchUp() throws -> [EventRecord] {
        var read: [EventRecord] = []
        var next = pageRequest(after: replica.head.sequence, checking: replica.head)
        while true {
            let page = try Self.unavailableOnFailure { try next.wait() }
            let last = page.lines.last?.sequence
            if page.isFull, let last { next = pageRequest(after: last, checking: nil) }
            guard let applied = try apply(page) else { return read }
            read += applied
            // A replica that stopped before a refused line reads no further.
            guard page.isFull, replica.head.sequence == last else { return read }
        }
    }

    /// Applies the lines of `page` this store has not read yet (a write or a waiting refresh may
    /// have read some meanwhile); nil, with the alarm raised, when the journal no longer holds
    /// the line the page was read after.
    private func apply(_ page: JournalPage) throws -> [EventRecord]? {
        offlineReason = nil
        guard page.holdsCheckedPlace else {
            try noticeHistoryChanged(under: page)
            return nil
        }
        let unread = page.lines.drop { $0.sequence <= replica.head.sequence }
        let read = try replica.accept(unread.map(\.line), source: "the journal in \(location)")
        noteSeen()
        return read
    }

    /// The journal no longer holds the line this store stands on: someone rolled it back or
    /// rewrote it while this store was open. The alarm a folder raises is raised, and writes
    /// are refused until someone accepts the new head.
    private func noticeHistoryChanged(under page: JournalPage) throws {
        guard let place = page.checked else { return }
        let end = try Self.serverCall { [journal] in try await journal.head() }
        seen.noticeChange(under: place, journalEnd: end.sequence, hashThere: page.hashAtCheckedPlace)
    }

    private static let pageSize = 5_000

    /// The page after `sequence`, read with the line at `head` to see it is still there when
    /// `head` is given (the prefetch of a catch-up's next page has just seen it).
    private func pageRequest(after sequence: Int64, checking head: ChainHead?, finished: (@Sendable () -> Void)? = nil) -> Blocking.Started<JournalPage> {
        Blocking.Started({ [journal] in
            try await JournalPage.read(after: sequence, checking: head, limit: Self.pageSize, from: journal)
        }, finished: finished)
    }

    public func recordsReader() -> @Sendable () throws -> [EventRecord] {
        let end = lastSequence
        let reader = PostgresWorkspaceStore.LineReader(journal: journal)
        return { JournalReplica.markedRecords(try reader.lines(through: end)) }
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

    /// The comments on `target`: those the replica applied since its snapshot, after those
    /// before it, which the server finds through its index of comment targets (a schema too old
    /// to have one, or a role that may not use it, makes this client read and hold every comment
    /// instead).
    public func comments(on target: CommentTarget) throws -> [Comment] {
        let through = replica.commentsMissingThrough
        guard through > 0, threadsFromTheIndex else {
            try holdingEveryComment()
            return replica.comments(on: target)
        }
        if threadsBeforeSnapshot[target] == nil {
            try failIfKnownOffline()
            let json = try target.journalJSON()
            let lines = try Self.serverCall { [journal] in try await journal.commentLines(on: json, through: through) }
            threadsBeforeSnapshot[target] = JournalReplica.records(decoding: lines).compactMap(\.comment).filter { $0.target == target }
        }
        return ((threadsBeforeSnapshot[target] ?? []) + replica.comments(on: target)).sorted(by: Comment.threadOrder)
    }

    public func allComments() throws -> [Comment] {
        try holdingEveryComment()
        return replica.allComments()
    }

    /// While a watch reports the server gone, a write or a question that needs the server fails
    /// at once instead of waiting out the deadline on the dashboard's thread.
    private func failIfKnownOffline() throws {
        if let gone = connection.offline { throw StoreError.unavailable("offline, reconnecting: \(gone)") }
    }

    /// Whether this client holds every comment in memory: it began without a snapshot, or was
    /// asked for them all, or for one thread when it could not ask the index for it.
    var holdsEveryComment: Bool { replica.commentsMissingThrough == 0 }

    /// A replica that began from a snapshot reads the comments before it at the first question.
    private func holdingEveryComment() throws {
        let through = replica.commentsMissingThrough
        guard through > 0 else { return }
        try failIfKnownOffline()
        let lines = try Self.serverCall { [journal] in try await journal.commentLines(through: through) }
        replica.fillEarlierComments(from: JournalReplica.records(decoding: lines))
        threadsBeforeSnapshot = [:]  // the replica holds them all now
    }

    /// A fresh snapshot when this user's lags the journal by `snapshotInterval` events.
    public func cacheWork() -> SnapshotWork? {
        guard lastSequence - snapshotSequence >= snapshotInterval, replica.readOnlyReason == nil else { return nil }
        snapshotSequence = lastSequence
        return ReplicaSnapshot.work(state, at: replica.head, to: snapshotURL)
    }

    // MARK: Writing

    /// Decides on what this client holds and appends in one round trip when nobody wrote since,
    /// the common case. When someone did, or the rules refuse what this client holds, it catches
    /// up and decides again in one transaction under the writers' lock, where the decision is
    /// final: a writer that waited its turn never loses it.
    @discardableResult
    public func execute(_ plan: [PlannedCommand]) throws -> [EventRecord] {
        if let reason = writeRefusal { throw StoreError.readOnly(reason) }
        try failIfKnownOffline()
        if let records = try appendAtHead(plan) { return records }
        return try appendUnderLock(plan)
    }

    /// The records written, or nil when the head has moved or this client's state says no.
    private func appendAtHead(_ plan: [PlannedCommand]) throws -> [EventRecord]? {
        guard let prepared = try? replica.prepare(plan, signers: signers), !prepared.lines.isEmpty else { return nil }
        let (journal, lines, start) = (journal, prepared.lines, prepared.start.sequence)
        do {
            guard case .appended = try Blocking.wait({ try await journal.append(lines, expecting: start) }) else { return nil }
        } catch let error as PostgresStoreError where error.kind == .outcomeUnknown {
            guard try isStored(prepared) else { throw Self.unavailable(error) }
        } catch {
            throw Self.unavailable(error)
        }
        offlineReason = nil
        replica.commit(prepared)
        noteSeen()
        return prepared.records
    }

    private func appendUnderLock(_ plan: [PlannedCommand]) throws -> [EventRecord] {
        try catchUp()  // most of the reading done before taking the lock
        let decision = DecisionUnderLock(replica: replica, plan: plan, signers: signers, source: "the journal in \(location)")
        let (journal, start) = (journal, replica.head.sequence)
        do {
            _ = try Blocking.wait { try await journal.append(after: start, deciding: { decision.decide($0) }) }
        } catch let error as PostgresStoreError where error.kind == .outcomeUnknown {
            guard let prepared = decision.prepared, try isStored(prepared) else { throw Self.unavailable(error) }
        } catch {
            throw Self.unavailable(error)
        }
        if let failure = decision.failure { throw failure }
        guard let prepared = decision.prepared else { return [] }
        replica.commit(prepared)
        noteSeen()
        return prepared.records
    }

    /// Whether the journal holds `prepared`'s first line where it was to go (after a COMMIT
    /// whose answer was lost).
    private func isStored(_ prepared: PreparedLines) throws -> Bool {
        guard let first = prepared.lines.first else { return true }
        let (journal, start) = (journal, prepared.start.sequence)
        let stored = try Self.serverCall { try await journal.page(after: start, limit: 1) }
        return stored.first?.line == first
    }

    /// Stores `lines`, every line of another workspace's journal, as they are, into this
    /// workspace, which must have no events yet; in one transaction, so all or none, with a
    /// deadline of its own (a row per line: about 25 s for 100k lines). They are then read back
    /// and judged as any reader judges them.
    public func adoptJournal(_ lines: [[UInt8]]) throws {
        if let reason = writeRefusal { throw StoreError.readOnly(reason) }
        _ = try PortableJournalLine.checkedJournal(lines, config: state.config)  // refused whole before a byte is sent
        let copying = PostgresJournal(location, environment: environment, deadline: .seconds(max(600, lines.count / 100)))
        defer { Task(executorPreference: PostgresExecutor.shared) { await copying.close() } }
        switch try Self.serverCall({ try await copying.append(lines, expecting: 0) }) {
        case .appended: try catchUp()
        case .behind(let head):
            throw JournalCopyRefusal("a journal is copied whole into a workspace with no events yet; \(location) has \(head.sequence)")
        }
    }

    /// Takes this workspace away from its database again while its journal is empty (a copy
    /// into it failed), so the database is left as it was found.
    public func discardWhileEmpty() throws {
        try Self.serverCall { [journal] in try await journal.discardEmptyWorkspace() }
    }

    // MARK: Server calls

    static func serverCall<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        try unavailableOnFailure { try Blocking.wait(operation) }
    }

    private static func unavailableOnFailure<T>(_ wait: () throws -> T) throws -> T {
        do { return try wait() } catch { throw unavailable(error) }
    }

    /// The store's error for what a server call threw (a store error passes as it is).
    private static func unavailable(_ thrown: any Error) -> any Error {
        guard let error = thrown as? PostgresStoreError else { return thrown }
        return switch error.kind {
        case .schema, .refused, .server: StoreError.unavailable(error.description)
        case .unreachable, .dropped, .restarting, .outcomeUnknown: StoreError.unavailable("\(error.description); try again once the server is back")
        case .timedOut: StoreError.unavailable("\(error.description); another client may be holding the writers' lock: try again")
        }
    }
}

/// The store's decision, made on the journal's thread under the writers' lock while the store's
/// own thread waits for it (so the replica is never used by two threads at once).
private final class DecisionUnderLock: @unchecked Sendable {
    private let replica: JournalReplica
    private let plan: [PlannedCommand]
    private let signers: SignerSource?
    private let source: String
    private(set) var prepared: PreparedLines?
    private(set) var failure: (any Error)?

    init(replica: JournalReplica, plan: [PlannedCommand], signers: SignerSource?, source: String) {
        self.replica = replica
        self.plan = plan
        self.signers = signers
        self.source = source
    }

    /// Reads the lines others wrote meanwhile, then decides: the lines to write, or none (a
    /// rule said no, kept in `failure`).
    func decide(_ missed: [[UInt8]]) -> [[UInt8]] {
        do {
            try replica.accept(missed, source: source)
            let made = try replica.prepare(plan, signers: signers)
            prepared = made
            return made.lines
        } catch {
            failure = error
            prepared = nil
            return []
        }
    }
}
