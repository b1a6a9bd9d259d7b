import BoardCore
import Foundation

/// What every store of a workspace offers, whatever holds its journal: the shared folder
/// today, a database server next. Shaped like etcd's storage interface: open (each store's
/// own), state and position, execute planned commands atomically, refresh, records from the
/// start, a watch that wakes the caller, presence. The decide → number → apply loop is
/// `DecisionLoop`, in the core; a store only appends the records it gives at the expected
/// sequence number, or finds someone else got there first, catches up and decides again.
public protocol WorkspaceStoring: AnyObject {
    /// Where the workspace is kept, as messages name it: a folder's path, a server's URL.
    var locationDescription: String { get }
    /// Everything the journal says, up to `lastSequence`.
    var state: BoardState { get }
    /// The sequence number of the last record this store has read or written.
    var lastSequence: Int64 { get }
    /// Why this store refuses writes (the folder is read-only, a line was refused, the server
    /// is unreachable…); nil when it takes them.
    var readOnlyReason: String? { get }
    /// Loud findings from opening: a rollback or fork of the journal, a bad local cache.
    var warnings: [String] { get }
    /// Who signs each line this store writes; nil to write unsigned lines.
    var signers: SignerSource? { get set }

    /// Reads what others wrote since the last look and applies it; returns the new records.
    @discardableResult func refresh() throws -> [EventRecord]
    /// `refresh` for a caller that must never wait on a server (the dashboard's loop): applies
    /// what has arrived, asks for more in the background, and calls `wake` when more is in.
    /// A folder has nothing to wait for: it refreshes.
    @discardableResult func refreshWithoutWaiting(wake: @escaping @Sendable () -> Void) throws -> [EventRecord]
    /// Runs commands, each with its own actor and time, as one all-or-nothing write: catch up,
    /// decide, append, make durable, apply. Throws `RuleViolation` when a rule says no.
    @discardableResult func execute(_ plan: [PlannedCommand]) throws -> [EventRecord]
    /// Reads every record up to where this store stands, marked with what its signature
    /// proves; callable on any thread.
    func recordsReader() -> @Sendable () throws -> [EventRecord]
    /// The comments on `target`, oldest first, up to where this store stands. Comments are
    /// history: the state keeps only their counter, and each store reads them on demand.
    func comments(on target: CommentTarget) throws -> [Comment]
    /// Every comment up to where this store stands, in the order they were written.
    func allComments() throws -> [Comment]
    /// Every line up to where this store stands, each followed by a newline, as a folder's
    /// journal holds them; refuses (JournalCopyRefusal) when a copy would not pass its checks.
    func journalLines() throws -> [UInt8]
    /// Starts calling `wake` (on any thread) whenever others may have written.
    func watch(waking wake: @escaping @Sendable () -> Void) -> any StoreWatch
    /// This person's presence, and who else has the workspace open.
    func presence(of handle: String) -> any StorePresence
    /// After a rollback or fork alarm: takes the journal as it is now as the truth on this
    /// machine, recording who accepted which head, so writes go through again.
    func acceptHead(by user: String, now: Date) throws
    /// After the root key changed: trusts the workspace's current root key on this machine.
    func acceptRoot() throws
    /// Work that keeps this user's local cache fresh, to run off the input path; nil when
    /// there is none to do.
    func cacheWork() -> SnapshotWork?
}

extension WorkspaceStoring {
    @discardableResult
    public func refreshWithoutWaiting(wake: @escaping @Sendable () -> Void) throws -> [EventRecord] { try refresh() }

    /// Runs `command` as `actor` at `now`.
    @discardableResult
    public func execute(_ command: Command, as actor: Actor, now: Instant) throws -> [EventRecord] {
        try execute([PlannedCommand(command, as: actor, at: now)])
    }

    /// Runs several commands of one person as one all-or-nothing write.
    @discardableResult
    public func execute(_ commands: [Command], as actor: Actor, now: Instant) throws -> [EventRecord] {
        try execute(commands.map { PlannedCommand($0, as: actor, at: now) })
    }

}

/// Wakes its owner when the journal may have changed, until stopped.
public protocol StoreWatch: AnyObject {
    func stop()
}

/// One person's presence in a workspace: kept fresh by heartbeats, gone on leaving.
public protocol StorePresence: AnyObject {
    func heartbeat()
    /// Everyone else whose presence is fresh.
    func others() -> [String]
    func leave()
}
