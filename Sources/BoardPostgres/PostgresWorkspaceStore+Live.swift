import BoardStore
import Foundation
import Synchronization

/// What a watch last heard of the server: nil while it listens, else why it cannot.
final class ConnectionSignal: Sendable {
    private let reason = Mutex<String?>(nil)

    var offline: String? { reason.withLock { $0 } }

    func set(offline: String?) { reason.withLock { $0 = offline } }
}

/// Live updates from the server: LISTEN on the journal's channel (polling where a pooler
/// forbids LISTEN), and presence rows with heartbeats in the server's time.
extension PostgresWorkspaceStore {
    public func watch(waking wake: @escaping @Sendable () -> Void) -> any StoreWatch {
        let mode: PostgresJournalWatch.Mode = ProcessInfo.processInfo.environment["MLBOARD_PG_POLL"] == "1" ? .polling(every: .seconds(1)) : .listen
        return StoreJournalWatch(PostgresJournalWatch(location, environment: ProcessInfo.processInfo.environment, mode: mode),
                                 signal: connection, waking: wake)
    }

    public func presence(of handle: String) -> any StorePresence {
        StorePresenceRows(journal: journal, handle: handle, signal: connection)
    }
}

/// Turns the journal watch's wake-ups into the store's: every change, every loss of the server
/// and its return wake the owner, who refreshes.
final class StoreJournalWatch: StoreWatch {
    private let watch: PostgresJournalWatch
    private let task: Task<Void, Never>

    init(_ watch: PostgresJournalWatch, signal: ConnectionSignal, waking wake: @escaping @Sendable () -> Void) {
        self.watch = watch
        task = Task(executorPreference: PostgresExecutor.shared) {
            for await event in watch.wakes {
                switch event {
                case .listening: signal.set(offline: nil)
                case .committed: break
                case .offline(let error): signal.set(offline: error.description)
                }
                wake()
            }
        }
    }

    func stop() {
        watch.stop()
        task.cancel()
    }
}

/// One open dashboard's row in mlboard_presence. Best effort: a server that is away, or a role
/// without the right, only loses presence.
final class StorePresenceRows: StorePresence {
    private let journal: PostgresJournal
    private let handle: String
    private let client: String
    private let signal: ConnectionSignal

    init(journal: PostgresJournal, handle: String, signal: ConnectionSignal) {
        self.journal = journal
        self.handle = handle
        self.signal = signal
        client = "\(handle)@\(ProcessInfo.processInfo.hostName).\(getpid()).\(UUID().uuidString.prefix(8))"
    }

    func heartbeat() {
        guard signal.offline == nil else { return }
        let (journal, client, handle) = (journal, client, handle)
        _ = try? Blocking.wait { try await journal.heartbeat(client: client, handle: handle) }
    }

    func others() -> [String] {
        guard signal.offline == nil else { return [] }
        let (journal, client) = (journal, client)
        return (try? Blocking.wait { try await journal.present(except: client, freshFor: Int(Presence.staleAfter)) }) ?? []
    }

    func leave() {
        let (journal, client) = (journal, client)
        _ = try? Blocking.wait { try await journal.leave(client: client) }
    }
}
