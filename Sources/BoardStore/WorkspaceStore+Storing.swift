import BoardCore
import Foundation

/// The shared folder as a store: its watch is inotify on the folder (polling where there is
/// none), its presence a heartbeat file per open dashboard, its cache this user's snapshot.
extension WorkspaceStore: WorkspaceStoring {
    public var lastSequence: Int64 { position.sequence }
    public var locationDescription: String { directory.path }

    public func watch(waking wake: @escaping @Sendable () -> Void) -> any StoreWatch {
        let watcher = JournalWatcher(directory: directory, linesEnd: position.offset, onChange: wake)
        watcher.start()
        return watcher
    }

    public func presence(of handle: String) -> any StorePresence {
        Presence(directory: directory, handle: handle)
    }

    public func cacheWork() -> SnapshotWork? { snapshotWork() }
}

extension JournalWatcher: StoreWatch {}

extension Presence: StorePresence {
    public func others() -> [String] { others(now: Date()) }
}
