import BoardCore
import BoardStore

/// What the dashboard needs of a workspace: its state, and a way to send commands.
public protocol DashboardWorkspace: AnyObject {
    var state: BoardState { get }
    var me: Actor { get }
    var readOnlyReason: String? { get }
    func run(_ command: Command, now: Instant) throws
    /// The projects changed by the records this workspace applied lately, if it keeps them.
    var projectChangeLog: ProjectChangeLog? { get }
    /// Every activity entry since the journal began, oldest first (the state keeps the newest only).
    func activityHistory() throws -> [ActivityEntry]
    /// The key this person signs with, or why there is none (nil: this workspace does not sign).
    var signingKey: SigningKeyStatus? { get }
    /// Reads what `activityHistory` returns on another thread; nil when it is cheap enough to
    /// read on the input loop.
    func activityHistoryReader() -> (@Sendable () throws -> [ActivityEntry])?
}

extension DashboardWorkspace {
    public var projectChangeLog: ProjectChangeLog? { nil }
    public var signingKey: SigningKeyStatus? { nil }
    public func activityHistoryReader() -> (@Sendable () throws -> [ActivityEntry])? { nil }
    public func activityHistory() throws -> [ActivityEntry] { state.activity }
}

extension ActivityEntry {
    init(_ record: EventRecord) {
        self.init(
            sequence: record.sequence, at: record.at, actor: record.actor.handle, summary: ActivityText.summary(of: record.event),
            signature: record.signature)
    }
}

/// The real thing: a store of the workspace, acting as one person.
public final class StoreWorkspace: DashboardWorkspace {
    public let store: any WorkspaceStoring
    public let me: Actor
    /// Notes the records this workspace writes and, through the dashboard, those it reads from
    /// other processes; records the store catches up on while writing leave a gap in it.
    public let projectChangeLog: ProjectChangeLog? = ProjectChangeLog()

    public init(store: any WorkspaceStoring, me: Actor) {
        self.store = store
        self.me = me
    }

    public var state: BoardState { store.state }
    public var readOnlyReason: String? { store.readOnlyReason }
    public var signingKey: SigningKeyStatus? { store.signers?.status(for: me.handle, registry: store.state.signing) }

    public func run(_ command: Command, now: Instant) throws {
        projectChangeLog?.note(try store.execute(command, as: me, now: now))
    }

    public func activityHistory() throws -> [ActivityEntry] {
        try store.recordsReader()().map(ActivityEntry.init)
    }

    public func activityHistoryReader() -> (@Sendable () throws -> [ActivityEntry])? {
        let read = store.recordsReader()
        return { try read().map(ActivityEntry.init) }
    }
}

/// A workspace held in memory, for rendered-buffer tests: same rules, no files.
public final class MemoryWorkspace: DashboardWorkspace {
    public private(set) var state: BoardState
    public let me: Actor
    public var readOnlyReason: String?
    public var signingKey: SigningKeyStatus?
    /// The last event this workspace recorded, for tests.
    public private(set) var lastEvent: Event?
    public let projectChangeLog: ProjectChangeLog? = ProjectChangeLog()

    /// The records that made `state`, if the caller has them, and those recorded since.
    private var records: [EventRecord]

    public init(state: BoardState, me: Actor, records: [EventRecord] = []) {
        self.state = state
        self.me = me
        self.records = records
    }

    public func activityHistory() throws -> [ActivityEntry] {
        records.isEmpty ? state.activity : records.map(ActivityEntry.init)
    }

    public func run(_ command: Command, now: Instant) throws {
        let made = try DecisionLoop.records(for: [PlannedCommand(command, as: me, at: now)], state: state)
            .mapError(\.violation).get()
        for record in made { apply(record, to: &state) }
        records += made
        projectChangeLog?.note(made)
        lastEvent = made.last?.event ?? lastEvent
    }
}
