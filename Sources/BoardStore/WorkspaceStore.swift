import BoardCore
import Foundation
import Glibc

/// The one owner of a data directory's files in this process. Reads never lock; every write
/// takes the directory lock, catches up with the journal, decides, appends, flushes and only
/// then reports success. Use one instance from one thread.
public final class WorkspaceStore {
    public let directory: DataDirectory
    /// Whether the workspace's files are shared with its group (see SharingMode).
    public let sharing: SharingMode
    public private(set) var state: BoardState
    public private(set) var position: JournalPosition
    /// Why writes are refused, or nil when the workspace is writable.
    public private(set) var readOnlyReason: String?
    /// Loud warnings found when opening: rollback or fork of the journal, a bad snapshot.
    public private(set) var warnings: [String] = []
    /// Events between automatic snapshots.
    public var snapshotInterval: Int64 = 2_000
    /// How long a write waits for another writer's lock.
    public var lockWait = LockWait()
    /// Where the keys to sign new lines come from; nil writes unsigned lines where allowed.
    public var signers: SignerSource?
    /// The line reading stopped at because the workspace refuses it (a bad or missing signature).
    public private(set) var refusedLine: RefusedLine?
    /// Why the workspace's root key is not the one this user pinned, or nil.
    public private(set) var rootChange: String?
    /// This user's snapshot of the workspace, in a cache outside the shared folder.
    public let snapshotURL: URL

    let folder: WorkspaceFolder
    /// Made once: `URL.path` costs microseconds, and a commit names the journal several times.
    private let journalPath: String
    private let environment: [String: String]
    private let seenFiles: SeenMarker.Files
    private var snapshotPosition: Int64 = 0
    /// A line of a newer mlboard that reading stopped at.
    private var newerEvent: NewerEvent?
    private var journal: OpenJournal?
    private var lockHolder: LockHolderFile?
    /// The journal's size when this writer last found its reserve all zeros. While the size
    /// stays, so do the zeros: writers only ever write lines at the reserve's start. Only a
    /// write that reached the disk out of order (a power loss, which restarts every process,
    /// or a network file system's client that crashed) leaves bytes further in.
    private var reserveCheckedAtSize: UInt64?
    private var lookups: StateIndex?
    private let lineChecker = LineChecker()
    private let commentHistory: CommentHistory
    private lazy var seenMarker = SeenMarkerWriter(url: seenFiles.marker)

    public var isReadOnly: Bool { readOnlyReason != nil }

    private init(
        directory: DataDirectory, folder: WorkspaceFolder, sharing: SharingMode, state: BoardState, environment: [String: String],
        snapshotURL: URL
    ) {
        self.directory = directory
        self.folder = folder
        self.sharing = sharing
        self.state = state
        self.position = .start
        self.environment = environment
        journalPath = directory.journalURL.path
        self.snapshotURL = snapshotURL
        commentHistory = CommentHistory(indexURL: CommentIndexFile.url(besideSnapshot: snapshotURL))
        seenFiles = SeenMarker.files(for: directory, environment: environment)
    }

    // MARK: Creating and opening

    /// Makes a new, empty workspace in `directory` (created if missing). `sharing` nil shares
    /// it with the group when the folder it is made in is setgid or belongs to a group other
    /// than the creator's own, as a team's shared folder does.
    @discardableResult
    public static func create(
        at directory: DataDirectory, config: WorkspaceConfig, sharing: SharingMode? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> WorkspaceStore {
        if directory.exists { throw StoreError.alreadyExists(directory.path) }
        let parent = directory.url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw StoreError.permissionDenied(path: parent.path, action: "create", detail: nil)
        }
        guard let parentFacts = FileFacts.of(parent.path, in: AT_FDCWD) else { throw StoreError.lastIO("look at", parent.path) }
        let mode = sharing ?? SharingMode.inferred(fromParent: parentFacts)
        if mkdir(directory.path, mode.folderMode() & 0o777) != 0 && errno != EEXIST {
            throw errno == EACCES
                ? StoreError.permissionDenied(path: parent.path, action: "create a folder in", detail: parentFacts.ownership)
                : StoreError.lastIO("create", directory.path)
        }
        let made = try WorkspaceFolder.open(directory.path)
        mode.apply(to: made.descriptor, folder: true, group: parentFacts.group)
        let folder = try WorkspaceFolder.open(directory.path)  // again, to see the mode just given
        close(try folder.createFile(DataDirectory.journalName, sharing: mode))
        close(try folder.openOrCreateFile(LockHolderFile.name, sharing: mode))
        try ConfigFile.write(config, sharing: mode, in: folder)
        // A new workspace where an old one was: what this user saw of the old one says nothing.
        SeenMarker.forget(SeenMarker.files(for: directory, environment: environment))
        return try open(directory, environment: environment)
    }

    /// Opens an existing workspace: configuration, then this user's snapshot, then the journal
    /// after it.
    public static func open(
        _ directory: DataDirectory, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> WorkspaceStore {
        let folder = try WorkspaceFolder.open(directory.path)
        let snapshotURL = SnapshotCache.url(for: directory, environment: environment)
        let (config, recorded) = try ConfigFile.read(from: folder, cache: ConfigCache.url(besideSnapshot: snapshotURL))
        let store = WorkspaceStore(
            directory: directory, folder: folder, sharing: recorded ?? (folder.isShared ? .group : .private),
            state: BoardState(config: config), environment: environment, snapshotURL: snapshotURL)
        // Read before the journal: a marker another process saves after our read of the
        // journal would otherwise look like a rollback.
        let seen = SeenMarker.load(from: store.seenFiles.marker)
        switch Snapshot.read(from: store.snapshotURL, journal: folder) {
        case .success(let snapshot):
            store.state = snapshot.state
            store.state.config = config
            store.position = snapshot.position
        case .failure(.missing):
            break
        case .failure(let problem):
            store.warnings.append("\(problem); rebuilding the state from the journal")
        }
        store.snapshotPosition = store.position.sequence
        store.commentHistory.begin(at: store.position)
        let start = store.position
        let scan = try store.applyJournalTail(throughReserve: true)
        store.checkSeen(seen, from: start, scan: scan)
        store.checkRoot()
        store.readOnlyReason = store.findReadOnlyReason()
        return store
    }

    private func findReadOnlyReason() -> String? {
        let known = WorkspaceConfig.currentSchemaVersion
        if state.config.schemaVersion > known {
            return "its schema version \(state.config.schemaVersion) is newer than this mlboard knows (\(known)); upgrade mlboard to write"
        }
        if let newerEvent { return newerEvent.readOnlyReason }
        if let refusedLine { return refusedLine.readOnlyReason }
        if let rootChange { return rootChange }
        if let alarm = HeadAlarm.current(in: seenFiles) { return HeadAlarm.refusal(alarm) }
        for name in [".", DataDirectory.journalName] where !folder.canWrite(name) {
            let path = name == "." ? folder.path : folder.pathOf(name)
            let facts = name == "." ? folder.facts : folder.factsOf(name)
            return StoreError.permissionDenied(path: path, action: "write", detail: facts?.ownership).description
        }
        return nil
    }

    // MARK: Reading

    /// Reads what other processes appended since the last look and applies it.
    /// Returns the new records, oldest first.
    @discardableResult
    /// A journal cut or rewritten under this process raises the rollback alarm here too, so
    /// a dashboard says so at once instead of at its next write.
    public func refresh() throws -> [EventRecord] {
        if refusedLine != nil { return [] }  // reading stays stopped before the refused line
        let scan: JournalScan
        do {
            scan = try applyJournalTail(throughReserve: false)
        } catch let damage as StoreError {
            try confirmOwnHead(change: "rewritten")
            throw damage
        }
        if !scan.records.isEmpty {
            saveSeen()
            if scan.records.contains(where: { $0.event.isKeyEvent }) { checkRoot() }
        } else if refusedLine != nil {
            readOnlyReason = findReadOnlyReason()
        } else if scan.pendingBytes > 0 {  // a write in progress, a torn tail, or our line overwritten
            try confirmOwnHead(change: "rewritten")
        } else if let size = folder.factsOf(DataDirectory.journalName)?.size, size < position.offset {
            try confirmOwnHead(change: "shortened")
        }
        return scan.records
    }

    /// Applies the good lines after `position`; damage before the tail is refused. Opening
    /// also reads through the reserve, so damage hiding behind a zero byte is refused there.
    private func applyJournalTail(throughReserve: Bool, using fd: Int32? = nil) throws -> JournalScan {
        let scan = if let fd {
            try JournalReader.scan(fd, journalPath, from: position, throughReserve: throughReserve)
        } else if throughReserve {
            try JournalReader.scanThroughReserve(folder, from: position)
        } else {
            try JournalReader.scan(folder, from: position)
        }
        if let corruption = scan.corruption { throw corruption }
        let accepted = acceptLines(scan)
        if let newer = scan.newerEvent, newerEvent == nil, refusedLine == nil {
            newerEvent = newer
            readOnlyReason = newer.readOnlyReason
        }
        return accepted.count == scan.records.count ? marked(scan, accepted) : cut(scan, after: accepted)
    }

    /// Applies each line the workspace accepts, with what its signature proves; stops at the
    /// first line it refuses, which makes the workspace read-only.
    private func acceptLines(_ scan: JournalScan) -> [EventRecord] {
        var accepted: [EventRecord] = []
        accepted.reserveCapacity(scan.records.count)
        let checked = lineChecker.checkAll(scan.signatures)
        for (index, var record) in scan.records.enumerated() {
            record.signature = lineChecker.mark(of: record, checked: checked[index], registry: state.signing)
            if let reason = lineChecker.refusal(of: record, mark: record.signature, state: state) {
                refusedLine = RefusedLine(sequence: record.sequence, reason: reason)
                readOnlyReason = refusedLine?.readOnlyReason
                break
            }
            applyRecord(record, lineStart: position.offset, lineEnd: scan.lineEnds[index])
            position = JournalPosition(offset: scan.lineEnds[index], sequence: record.sequence, hash: scan.hashes[index])
            accepted.append(record)
        }
        if refusedLine == nil { position = scan.end }
        return accepted
    }

    private func marked(_ scan: JournalScan, _ records: [EventRecord]) -> JournalScan {
        var result = scan
        result.records = records
        return result
    }

    /// The scan as far as the lines accepted: nothing after a refused line counts.
    private func cut(_ scan: JournalScan, after records: [EventRecord]) -> JournalScan {
        var result = JournalScan(end: position)
        result.records = records
        result.hashes = Array(scan.hashes.prefix(records.count))
        result.signatures = Array(scan.signatures.prefix(records.count))
        result.lineEnds = Array(scan.lineEnds.prefix(records.count))
        return result
    }

    /// Compares the root key with the one this user pinned (pinning it at first sight).
    private func checkRoot() {
        let change = RootPin.check(root: state.signing.root, in: seenFiles)
        if let change, rootChange == nil { warnings.append(change) }
        rootChange = change
        if change != nil { readOnlyReason = findReadOnlyReason() }
    }

    /// Takes the workspace's current root key as the one to trust from now on.
    public func acceptRoot() throws {
        if let root = state.signing.root {
            try RootPin.save(root, in: seenFiles)
        } else {
            unlink(seenFiles.root.path)
        }
        rootChange = nil
        warnings.removeAll { $0.contains("accept-root") }
        readOnlyReason = findReadOnlyReason()
    }

    /// Compares the journal with what this machine saw of it before; a rollback or fork
    /// raises an alarm that stays until accepted.
    private func checkSeen(_ seen: SeenMarker?, from previous: JournalPosition, scan: JournalScan) {
        if let seen, seen.directory == directory.path {
            var hashAtSeen: String?
            if seen.sequence == previous.sequence { hashAtSeen = previous.hash }
            if seen.sequence > previous.sequence, seen.sequence <= scan.end.sequence {
                hashAtSeen = scan.hashes[Int(seen.sequence - previous.sequence - 1)]
            }
            if let warning = seen.warning(journalEnd: scan.end.sequence, hashAtSeen: hashAtSeen) {
                HeadAlarm.raise(warning, in: seenFiles)
            }
        }
        if let alarm = HeadAlarm.current(in: seenFiles) {
            warnings.append(HeadAlarm.refusal(alarm))
        } else if seen != seenNow {  // a reader of an unchanged journal has nothing new to note
            saveSeen()
        }
    }

    private var seenNow: SeenMarker { SeenMarker(directory: directory.path, sequence: position.sequence, hash: position.hash) }

    private func saveSeen() {
        seenMarker.save(seenNow)
    }

    /// Takes the journal as it is now as the truth: clears a rollback or fork alarm, records
    /// who accepted which head, and lets writes through again.
    public func acceptHead(by user: String, now: Date = Date()) throws {
        try HeadAlarm.accept(head: position, by: user, at: now, in: seenFiles)
        saveSeen()
        warnings.removeAll { $0.contains("accept-head") }
        readOnlyReason = findReadOnlyReason()
    }

    // MARK: History

    /// The comments on `target`, oldest first, read from the journal up to where this store stands.
    public func comments(on target: CommentTarget) throws -> [Comment] {
        try commentHistory.comments(on: target, in: folder)
    }

    /// Every comment up to where this store stands, in the order they were written.
    public func allComments() throws -> [Comment] {
        try commentHistory.allComments(in: folder)
    }

    /// Every record in the journal, oldest first (for the log and exports).
    public func allRecords() throws -> [EventRecord] {
        try Self.markedRecords(in: folder)
    }

    /// Reads every record up to where this store stands, on any thread, through a descriptor of
    /// its own (the dashboard reads older history this way, off its input loop).
    public func recordsReader() -> @Sendable () throws -> [EventRecord] {
        let (path, end) = (directory.path, position.sequence)
        return { try Self.markedRecords(in: try WorkspaceFolder.open(path)).prefix { $0.sequence <= end } }
    }

    /// The journal's records, each marked with what its signature proves against the keys
    /// registered before it.
    private static func markedRecords(in folder: WorkspaceFolder) throws -> [EventRecord] {
        let scan = try JournalReader.scan(folder, from: .start)
        if let corruption = scan.corruption { throw corruption }
        var registry = KeyRegistry()
        return LineChecker().marked(scan.records, signatures: scan.signatures, registry: &registry)
    }

    // MARK: Writing

    /// Runs commands, each with its own actor and time, as one all-or-nothing append with a
    /// single flush: lock, catch up, decide, append, flush, unlock. Returns the records
    /// written. Throws `RuleViolation` when a rule says no (nothing is written) and
    /// `StoreError` when the directory fails us.
    @discardableResult
    public func execute(_ plan: [PlannedCommand]) throws -> [EventRecord] {
        if let readOnlyReason { throw StoreError.readOnly(readOnlyReason) }
        if HeadAlarm.isRaised(in: seenFiles), let alarm = HeadAlarm.current(in: seenFiles) {  // raised by another process of this user
            readOnlyReason = HeadAlarm.refusal(alarm)
            throw StoreError.readOnly(HeadAlarm.refusal(alarm))
        }
        return try holdingJournalLock { fd in
            let records = try append(deciding: plan, to: fd)
            FailPoint.reach(.afterFlushBeforeUnlock)
            return records
        }
    }

    /// Decides `plan` against the state and appends the records it makes. A plan of more than a
    /// chunk (an import, the demo) is decided a chunk at a time, while the lines of the chunks
    /// before are chained and signed on another core; a refusal still writes nothing.
    private func append(deciding plan: [PlannedCommand], to fd: Int32) throws -> [EventRecord] {
        guard plan.count > JournalLine.linesPerChunk else {
            var chunks = [try DecisionLoop.records(for: plan, state: state, index: stateIndex()).mapError(\.violation).get()].makeIterator()
            return try append(to: fd) { chunks.next() }
        }
        var run = DecisionLoop.Run(plan, from: state, index: stateIndex())
        return try append(to: fd) {
            run.isFinished ? nil : try run.decide(steps: JournalLine.linesPerChunk).mapError(\.violation).get()
        }
    }

    /// Runs `body` with the journal locked, its writer's descriptor open and the tail caught
    /// up; lets go of the lock, the holder's note and the place in the writers' queue after.
    func holdingJournalLock<T>(_ body: (Int32) throws -> T) throws -> T {
        let fd = try lockJournal()
        defer {
            lockHolder?.release()
            JournalLock.release(fd, holder: lockHolder)
        }
        FailPoint.reach(.afterLock)
        try catchUpForWriting(fd)
        return try body(fd)
    }

    /// Takes the lock on the journal and returns its descriptor, once that descriptor is
    /// still the file the folder names (someone may have replaced the journal meanwhile).
    private func lockJournal() throws -> Int32 {
        while true {
            let fresh = journal == nil
            let open = try openJournal()
            try JournalLock.acquire(open.fd, path: journalPath, wait: lockWait, holder: try holderFile(), folder: folder, sharing: sharing,
                                    whenNext: { readWhileQueued(open.fd) })
            guard let named = folder.factsOf(DataDirectory.journalName), named.isSameFile(as: open.facts) else {
                JournalLock.release(open.fd, holder: lockHolder)
                journal = nil
                reserveCheckedAtSize = nil
                continue
            }
            do {
                if fresh { try confirmOwnHead(open.fd, change: "replaced") }
                try lockHolder?.takeForOlderBuilds()
            } catch {
                JournalLock.release(open.fd, holder: lockHolder)
                throw error
            }
            lockHolder?.record()
            return open.fd
        }
    }

    /// Reads the lines the writers ahead wrote while the last of them still writes: otherwise
    /// every queued writer would read all the lines of everyone before it under the lock, one
    /// after the other, with the second core idle. Read as a dashboard reads: only whole lines,
    /// and whatever is wrong is left for the look under the lock to find and report.
    private func readWhileQueued(_ fd: Int32) {
        guard readOnlyReason == nil else { return }
        _ = try? applyJournalTail(throughReserve: false, using: fd)
    }

    private func holderFile() throws -> LockHolderFile? {
        if let lockHolder { return lockHolder }
        do {
            lockHolder = LockHolderFile(fd: try folder.openOrCreateFile(LockHolderFile.name, sharing: sharing))
        } catch StoreError.permissionDenied {
            return nil  // the note of who holds the lock is a courtesy
        }
        return lockHolder
    }

    /// Look-ups by owner for `decide`, so a batch of thousands of commands (an import, the demo)
    /// costs what each command touches instead of a scan of the whole state per command. Built
    /// at the first write, then kept up to date with every record applied.
    private func stateIndex() -> StateIndex {
        if let lookups { return lookups }
        let built = StateIndex(of: state)
        lookups = built
        return built
    }

    private func applyRecord(_ record: EventRecord, lineStart: UInt64, lineEnd: UInt64) {
        BoardCore.apply(record, to: &state)
        lookups?.note(record.event)
        commentHistory.note(record, lineStart: lineStart, lineEnd: lineEnd)
    }

    /// Under the lock: read to the end, and cut off a torn tail after copying it aside. The
    /// whole reserve is read when this writer has not yet seen it at this file size.
    private func catchUpForWriting(_ fd: Int32) throws {
        let size = JournalReserve.size(of: fd)
        if let size, size < position.offset { try confirmOwnHead(fd, change: "shortened") }
        let throughReserve = size == nil || size != reserveCheckedAtSize
        var scan = try applyJournalTail(throughReserve: throughReserve, using: fd)
        if scan.pendingBytes > 0 && !throughReserve {
            scan = try applyJournalTail(throughReserve: true, using: fd)  // look at all of it before cutting anything
        }
        if let newerEvent { throw StoreError.readOnly(newerEvent.readOnlyReason) }  // never write over its lines
        if let refusedLine { throw StoreError.readOnly(refusedLine.readOnlyReason) }
        if scan.pendingBytes > 0 {
            try cutTornTail(fd, at: scan.end.offset, length: scan.pendingBytes)
            reserveCheckedAtSize = nil
        } else if throughReserve {
            reserveCheckedAtSize = size
        }
    }

    /// Copies the bytes after the last good line into torn-tails/ and cuts them off; first
    /// makes sure the journal still holds the line this store stands on, so a journal that
    /// someone rewrote underneath is never cut.
    private func cutTornTail(_ fd: Int32, at offset: UInt64, length: UInt64) throws {
        try confirmOwnHead(fd, change: "rewritten")
        let path = journalPath
        let torn = try JournalReader.readBytes(fd, path, from: offset, to: offset + length)
        let tornTails = try folder.folder(DataDirectory.tornTailsName, create: sharing)
        let name = "journal-at-\(offset)-\(Instant(Date()).millis)-\(getpid()).bin"
        let aside = try tornTails.createFile(name, sharing: sharing)
        defer { close(aside) }
        guard torn.withUnsafeBytes({ FileDescriptor.writeAll(aside, $0) }), fsync(aside) == 0 else {
            throw StoreError.lastIO("copy the torn tail to", tornTails.pathOf(name))
        }
        try tornTails.sync()
        guard ftruncate(fd, off_t(offset)) == 0 else { throw StoreError.lastIO("truncate torn tail of", path) }
        guard fdatasync(fd) == 0 else { throw StoreError.lastIO("fdatasync", path) }
        warnings.append("cut off a torn journal tail of \(torn.count) bytes at offset \(offset); a copy is in \(tornTails.pathOf(name))")
    }

    /// Refuses to go on, and raises the alarm, when the line this store last read is no longer
    /// where it was: the journal was shortened, replaced or rewritten under a running process.
    private func confirmOwnHead(_ fd: Int32? = nil, change: String) throws {
        let hash = if let fd {
            try JournalReader.hashOfLine(endingAt: position.offset, fd, journalPath)
        } else {
            try JournalReader.hashOfLine(endingAt: position.offset, in: folder)
        }
        if hash == position.hash { return }
        let alarm = "the journal was \(change) under a running mlboard: sequence \(position.sequence) is no longer where this process read it. "
            + "Events may have been lost; check backups"
        HeadAlarm.raise(alarm, in: seenFiles)
        readOnlyReason = HeadAlarm.refusal(alarm)
        throw StoreError.readOnly(HeadAlarm.refusal(alarm))
    }

    /// The journal, opened once for the writer's reads and writes (reopened when the folder
    /// names another file).
    private func openJournal() throws -> OpenJournal {
        if let journal { return journal }
        let fd = try folder.openFile(DataDirectory.journalName, writable: true)
        guard let facts = FileFacts.of(descriptor: fd) else {
            close(fd)
            throw StoreError.lastIO("look at", journalPath)
        }
        let opened = OpenJournal(fd: fd, facts: facts)
        journal = opened
        return opened
    }

    /// Appends the lines of the records `nextChunk` gives, a chunk at a call until it gives nil:
    /// one write of all lines at the end of the journal's lines, into its zero reserve, then
    /// fdatasync. A failed flush is fatal for this write: Linux reports a write-back error
    /// once, so it is never retried and never assumed to have worked.
    /// Returns the records as written, each marked with the signature it carries.
    private func append(to fd: Int32, chunks nextChunk: () throws -> [EventRecord]?) throws -> [EventRecord] {
        let signing = WriterSigning(source: signers)
        var registry = state.signing  // as it stands before each line
        let batch = try JournalLine.encode(chunks: nextChunk, after: position.hash) { record, signedHash in
            defer { registry.apply(record) }
            return try signing.signature(for: record, signedHash: signedHash, registry: registry)
        }
        let (records, bytes, hash, signatures) = (batch.records, batch.bytes, batch.hash, batch.signatures)
        guard !records.isEmpty else { return [] }
        let start = position.offset
        let sizeBefore = JournalReserve.makeRoom(fd, for: bytes.count, at: start)
        if FailPoint.isArmed(.afterPartialWrite) {
            _ = bytes.prefix(bytes.count / 2).withUnsafeBytes { FileDescriptor.writeAll(fd, $0, at: start) }
            FailPoint.reach(.afterPartialWrite)
            JournalReserve.undoWrite(fd, at: start, count: bytes.count / 2, sizeBefore: sizeBefore)
        }
        if !bytes.withUnsafeBytes({ FileDescriptor.writeAll(fd, $0, at: start) }) {
            let failure = StoreError.lastIO("append to", journalPath)
            JournalReserve.undoWrite(fd, at: start, count: bytes.count, sizeBefore: sizeBefore)  // best effort; readers ignore a torn tail anyway
            throw failure
        }
        FailPoint.reach(.afterWriteBeforeFlush)
        if fdatasync(fd) != 0 {
            throw StoreError.lastIO("fdatasync", journalPath)
        }
        let written = zip(records, signatures).map { record, signature in
            var signed = record
            signed.signature = signature.map { .verified(fingerprint: $0.publicKey.fingerprint) } ?? .unsigned
            return signed
        }
        var lineStart = start
        var lineEnds = bytes.indices.lazy.filter { bytes[$0] == UInt8(ascii: "\n") }.makeIterator()
        for record in written {
            let lineEnd = start + UInt64(lineEnds.next()! + 1)
            applyRecord(record, lineStart: lineStart, lineEnd: lineEnd)
            lineStart = lineEnd
        }
        position = JournalPosition(offset: start + UInt64(bytes.count), sequence: state.lastSequence, hash: hash)
        saveSeen()
        return written
    }

    // MARK: Snapshots

    /// Whether this user's snapshot lags the journal by a snapshot interval or more.
    public var snapshotIsBehind: Bool { position.sequence - snapshotPosition >= snapshotInterval }

    /// When the snapshot lags, the work of writing a new one of the state as it is now, to be
    /// done off the command's path: after the reply (the command line) or on another thread
    /// (the dashboard). No command's latency includes writing a snapshot. The snapshot is
    /// written to a temporary file and renamed, so a crash part-way leaves the old one.
    public func snapshotWork() -> SnapshotWork? {
        guard snapshotIsBehind else { return nil }
        snapshotPosition = position.sequence  // claimed now; a write that fails only costs time at the next open
        let (state, position, url) = (state, position, snapshotURL)
        let writeIndex = commentHistory.indexWork(at: position, folderPath: directory.path)
        return SnapshotWork {
            try writeIndex()
            FailPoint.reach(.beforeSnapshot)
            try Snapshot.write(state, at: position, to: url)
        }
    }

    /// Writes this user's snapshot of the current state (what `mlboard compact` does). It is
    /// a private cache, so a read-only workspace may have one too.
    public func writeSnapshot() throws {
        try commentHistory.indexWork(at: position, folderPath: directory.path)()
        try Snapshot.write(state, at: position, to: snapshotURL)
        snapshotPosition = position.sequence
    }
}

/// The writer's descriptor of the journal and the file it was when opened.
private final class OpenJournal {
    let fd: Int32
    let facts: FileFacts

    init(fd: Int32, facts: FileFacts) {
        self.fd = fd
        self.facts = facts
    }

    deinit { close(fd) }
}

/// Writing a snapshot, captured with the state it writes so it can run anywhere.
public struct SnapshotWork: Sendable {
    private let work: @Sendable () throws -> Void

    init(_ work: @escaping @Sendable () throws -> Void) { self.work = work }

    public func run() throws { try work() }
}
