import BoardCore
import Foundation
import Glibc

/// The one owner of a data directory's files in this process. Reads never lock; every write
/// takes the directory lock, catches up with the journal, decides, appends, flushes and only
/// then reports success. Use one instance from one thread.
public final class WorkspaceStore {
    public let directory: DataDirectory
    public private(set) var state: BoardState
    public private(set) var position: JournalPosition
    /// Why writes are refused, or nil when the workspace is writable.
    public private(set) var readOnlyReason: String?
    /// Loud warnings found when opening: rollback or fork of the journal, a bad snapshot.
    public private(set) var warnings: [String] = []
    /// Events between automatic snapshots.
    public var snapshotInterval: Int64 = 2_000

    private let environment: [String: String]
    private var snapshotPosition: Int64 = 0
    private var journalFile: Int32 = -1
    private var lock: DirectoryLock?
    /// The journal's size when this writer last found its reserve all zeros. While the size
    /// stays, so do the zeros: writers only ever write lines at the reserve's start. Only a
    /// write that reached the disk out of order (a power loss, which restarts every process,
    /// or a network file system's client that crashed) leaves bytes further in.
    private var reserveCheckedAtSize: UInt64?
    private lazy var seenMarker = SeenMarkerWriter(url: SeenMarker.url(for: directory, environment: environment))

    public var isReadOnly: Bool { readOnlyReason != nil }

    private init(directory: DataDirectory, state: BoardState, position: JournalPosition, environment: [String: String]) {
        self.directory = directory
        self.state = state
        self.position = position
        self.environment = environment
    }

    deinit {
        if journalFile >= 0 { close(journalFile) }
    }

    // MARK: Creating and opening

    /// Makes a new, empty workspace in `directory` (created if missing).
    @discardableResult
    public static func create(
        at directory: DataDirectory, config: WorkspaceConfig, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> WorkspaceStore {
        if directory.exists { throw StoreError.alreadyExists(directory.path) }
        do {
            try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
        } catch {
            throw StoreError.readOnly("cannot create \(directory.path): \(error.localizedDescription)")
        }
        let journal = Glibc.open(directory.journalURL.path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o664)
        guard journal >= 0 else { throw StoreError.lastIO("create", directory.journalURL.path) }
        close(journal)
        _ = try DirectoryLock.forFile(directory.lockURL)
        try ConfigFile.write(config, to: directory.configURL)
        return try open(directory, environment: environment)
    }

    /// Opens an existing workspace: configuration, then snapshot, then the journal after it.
    public static func open(
        _ directory: DataDirectory, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> WorkspaceStore {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw StoreError.notFound("\(directory.path) does not exist")
        }
        let config = try ConfigFile.read(from: directory.configURL)
        var warnings: [String] = []
        var state = BoardState(config: config)
        var position = JournalPosition.start
        switch Snapshot.read(from: directory.snapshotURL, journal: directory.journalURL) {
        case .success(let snapshot):
            state = snapshot.state
            state.config = config
            position = snapshot.position
        case .failure(.missing):
            break
        case .failure(let problem):
            warnings.append("\(problem); rebuilding the state from the journal")
        }
        let store = WorkspaceStore(directory: directory, state: state, position: position, environment: environment)
        store.snapshotPosition = position.sequence
        store.warnings = warnings
        try store.catchUp(opening: true)
        store.readOnlyReason = store.findReadOnlyReason()
        return store
    }

    private func findReadOnlyReason() -> String? {
        let known = WorkspaceConfig.currentSchemaVersion
        if state.config.schemaVersion > known {
            return "its schema version \(state.config.schemaVersion) is newer than this mlboard knows (\(known)); upgrade mlboard to write"
        }
        if access(directory.path, W_OK) != 0 { return "you cannot write to \(directory.path)" }
        if access(directory.journalURL.path, W_OK) != 0 { return "you cannot write to \(directory.journalURL.path)" }
        if access(directory.lockURL.path, F_OK) == 0 && access(directory.lockURL.path, W_OK) != 0 {
            return "you cannot write to \(directory.lockURL.path)"
        }
        return nil
    }

    // MARK: Reading

    /// Reads what other processes appended since the last look and applies it.
    /// Returns the new records, oldest first.
    @discardableResult
    public func refresh() throws -> [EventRecord] {
        try catchUp(opening: false)
    }

    /// Opening also reads through the reserve, so damage hiding behind a zero byte is refused
    /// there, and checks this machine's seen marker.
    @discardableResult
    private func catchUp(opening: Bool) throws -> [EventRecord] {
        let previousEnd = position
        let scan = try applyJournalTail(throughReserve: opening)
        rememberSeen(previous: previousEnd, scan: scan, check: opening)
        return scan.records
    }

    /// Applies the good lines after `position`; damage before the tail is refused.
    private func applyJournalTail(throughReserve: Bool, using fd: Int32? = nil) throws -> JournalScan {
        let url = directory.journalURL
        let scan = if let fd {
            try JournalReader.scan(fd, url, from: position, throughReserve: throughReserve)
        } else if throughReserve {
            try JournalReader.scanThroughReserve(url, from: position)
        } else {
            try JournalReader.scan(url, from: position)
        }
        if let corruption = scan.corruption { throw corruption }
        for record in scan.records { BoardCore.apply(record, to: &state) }
        position = scan.end
        return scan
    }

    private func rememberSeen(previous: JournalPosition, scan: JournalScan, check: Bool) {
        if check, let seen = SeenMarker.load(from: seenMarker.url), seen.directory == directory.path {
            var hashAtSeen: String?
            if seen.sequence == previous.sequence { hashAtSeen = previous.hash }
            if seen.sequence > previous.sequence, seen.sequence <= scan.end.sequence {
                hashAtSeen = scan.hashes[Int(seen.sequence - previous.sequence - 1)]
            }
            if let warning = seen.warning(journalEnd: scan.end.sequence, hashAtSeen: hashAtSeen) {
                warnings.append(warning)
                return  // keep the marker, so the warning repeats until someone looks
            }
        }
        if check || !scan.records.isEmpty {
            seenMarker.save(SeenMarker(directory: directory.path, sequence: position.sequence, hash: position.hash))
        }
    }

    /// Every record in the journal, oldest first (for the log and exports).
    public func allRecords() throws -> [EventRecord] {
        let scan = try JournalReader.scan(directory.journalURL, from: .start)
        if let corruption = scan.corruption { throw corruption }
        return scan.records
    }

    // MARK: Writing

    /// Runs `command` as `actor` at `now`: lock, catch up, decide, append, flush, unlock.
    /// Returns the records written. Throws `RuleViolation` when a rule says no (nothing is
    /// written) and `StoreError` when the directory fails us.
    @discardableResult
    public func execute(_ command: Command, as actor: Actor, now: Instant) throws -> [EventRecord] {
        try execute([command], as: actor, now: now)
    }

    /// Runs several commands as one all-or-nothing append: if any is refused, none is written.
    @discardableResult
    public func execute(_ commands: [Command], as actor: Actor, now: Instant) throws -> [EventRecord] {
        try execute(commands.map { PlannedCommand($0, as: actor, at: now) })
    }

    /// Runs commands, each with its own actor and time, as one all-or-nothing append with a
    /// single flush (imports and the demo use this).
    @discardableResult
    public func execute(_ plan: [PlannedCommand]) throws -> [EventRecord] {
        if let readOnlyReason { throw StoreError.readOnly(readOnlyReason) }
        let written: [EventRecord] = try directoryLock().withLock {
            FailPoint.reach(.afterLock)
            try catchUpForWriting()
            let records = try plan.count == 1 ? decideOne(plan[0]) : decideInDraft(plan)
            try append(records)
            FailPoint.reach(.afterFlushBeforeUnlock)
            return records
        }
        snapshotIfDue()
        return written
    }

    /// The common case: one command decided against the state itself, which `append` then
    /// updates in place. (A draft copy would copy every collection the events touch.)
    private func decideOne(_ step: PlannedCommand) throws -> [EventRecord] {
        let events = try decide(step.command, state: state, actor: step.actor, now: step.at).get()
        return events.enumerated().map { index, event in
            EventRecord(sequence: state.lastSequence + 1 + Int64(index), at: step.at, actor: step.actor, event: event)
        }
    }

    /// A batch: each command is decided against the state the earlier ones leave, in a draft,
    /// so a refusal part-way leaves the real state untouched.
    private func decideInDraft(_ plan: [PlannedCommand]) throws -> [EventRecord] {
        var draft = state
        var records: [EventRecord] = []
        for step in plan {
            let events = try decide(step.command, state: draft, actor: step.actor, now: step.at).get()
            for event in events {
                let record = EventRecord(sequence: draft.lastSequence + 1, at: step.at, actor: step.actor, event: event)
                BoardCore.apply(record, to: &draft)
                records.append(record)
            }
        }
        return records
    }

    /// Under the lock: read to the end, and cut off a torn tail after copying it aside. The
    /// whole reserve is read when this writer has not yet seen it at this file size.
    private func catchUpForWriting() throws {
        let fd = try openJournal()
        let size = JournalReserve.size(of: fd)
        let throughReserve = size == nil || size != reserveCheckedAtSize
        var scan = try applyJournalTail(throughReserve: throughReserve, using: fd)
        if scan.pendingBytes > 0 && !throughReserve {
            scan = try applyJournalTail(throughReserve: true, using: fd)  // look at all of it before cutting anything
        }
        if scan.pendingBytes > 0 {
            try cutTornTail(at: scan.end.offset, length: scan.pendingBytes)
            reserveCheckedAtSize = nil
        } else if throughReserve {
            reserveCheckedAtSize = size
        }
    }

    private func cutTornTail(at offset: UInt64, length: UInt64) throws {
        let torn = try JournalReader.readBytes(directory.journalURL, from: offset, to: offset + length)
        try FileManager.default.createDirectory(at: directory.tornTailsURL, withIntermediateDirectories: true)
        let aside = directory.tornTailsURL.appendingPathComponent("journal-at-\(offset)-\(Instant(Date()).millis).bin")
        try AtomicFile.write(Data(torn), to: aside)
        let fd = try openJournal()
        guard ftruncate(fd, off_t(offset)) == 0 else { throw StoreError.lastIO("truncate torn tail of", directory.journalURL.path) }
        guard fdatasync(fd) == 0 else { throw StoreError.lastIO("fdatasync", directory.journalURL.path) }
        warnings.append("cut off a torn journal tail of \(torn.count) bytes at offset \(offset); a copy is in \(aside.path)")
    }

    /// The journal, opened once for the writer's reads and writes.
    private func openJournal() throws -> Int32 {
        if journalFile < 0 {
            journalFile = Glibc.open(directory.journalURL.path, O_RDWR | O_CLOEXEC)
            guard journalFile >= 0 else { throw StoreError.lastIO("open for writing", directory.journalURL.path) }
        }
        return journalFile
    }

    private func directoryLock() throws -> DirectoryLock {
        if let lock { return lock }
        let opened = try DirectoryLock.forFile(directory.lockURL)
        lock = opened
        return opened
    }

    /// One write of all lines at the end of the journal's lines, into its zero reserve, then
    /// fdatasync. A failed flush is fatal for this write: Linux reports a write-back error
    /// once, so it is never retried and never assumed to have worked.
    private func append(_ records: [EventRecord]) throws {
        guard !records.isEmpty else { return }
        var bytes: [UInt8] = []
        var hash = position.hash
        for record in records {
            let line = try JournalLine.encode(record, previousHash: hash)
            bytes += line.bytes
            hash = line.hash
        }
        let fd = try openJournal()
        let start = position.offset
        let sizeBefore = JournalReserve.makeRoom(fd, for: bytes.count, at: start)
        if FailPoint.isArmed(.afterPartialWrite) {
            _ = bytes.prefix(bytes.count / 2).withUnsafeBytes { FileDescriptor.writeAll(fd, $0, at: start) }
            FailPoint.reach(.afterPartialWrite)
            JournalReserve.undoWrite(fd, at: start, count: bytes.count / 2, sizeBefore: sizeBefore)
        }
        if !bytes.withUnsafeBytes({ FileDescriptor.writeAll(fd, $0, at: start) }) {
            let failure = StoreError.lastIO("append to", directory.journalURL.path)
            JournalReserve.undoWrite(fd, at: start, count: bytes.count, sizeBefore: sizeBefore)  // best effort; readers ignore a torn tail anyway
            throw failure
        }
        FailPoint.reach(.afterWriteBeforeFlush)
        if fdatasync(fd) != 0 {
            throw StoreError.lastIO("fdatasync", directory.journalURL.path)
        }
        for record in records { BoardCore.apply(record, to: &state) }
        position = JournalPosition(offset: start + UInt64(bytes.count), sequence: state.lastSequence, hash: hash)
        seenMarker.save(SeenMarker(directory: directory.path, sequence: position.sequence, hash: position.hash))
    }

    // MARK: Snapshots

    private func snapshotIfDue() {
        guard position.sequence - snapshotPosition >= snapshotInterval else { return }
        try? writeSnapshot()  // a missing snapshot only costs time at the next open
    }

    /// Writes a snapshot of the current state (what `mlboard compact` does).
    public func writeSnapshot() throws {
        if let readOnlyReason { throw StoreError.readOnly(readOnlyReason) }
        try Snapshot.write(state, at: position, to: directory.snapshotURL)
        snapshotPosition = position.sequence
    }
}
