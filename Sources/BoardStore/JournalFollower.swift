import BoardCore
import Foundation
import Synchronization

/// Hands other processes' new events to a subscriber as they land, on the watcher's thread.
/// It reads with its own position, so it shares nothing with a `WorkspaceStore`.
public final class JournalFollower: Sendable {
    private let watcher: JournalWatcher

    public var usesInotify: Bool { watcher.usesInotify }

    /// Starts following after `position` (a store's current position, typically), marking each
    /// record's signature against `keys` (the keys registered up to `position`) and the key lines
    /// it reads after.
    public init(
        directory: DataDirectory, after position: JournalPosition, keys: KeyRegistry = KeyRegistry(), useInotify: Bool = true,
        pollInterval: TimeInterval = 1.0, onRecords: @escaping @Sendable ([EventRecord]) -> Void,
        onError: @escaping @Sendable (StoreError) -> Void = { _ in }
    ) {
        let cursor = Cursor(position, keys: keys)
        let checker = LineChecker()
        let journal = directory.journalURL
        let folder = Result { try WorkspaceFolder.open(directory.path) }
        watcher = JournalWatcher(directory: directory, linesEnd: position.offset, pollInterval: pollInterval, useInotify: useInotify) {
            do {
                let records: [EventRecord] = try cursor.place.withLock { place in
                    let scan = try JournalReader.scan(try folder.get(), from: place.position)
                    if let corruption = scan.corruption { throw corruption }
                    place.position = scan.end
                    return checker.marked(scan.records, signatures: scan.signatures, registry: &place.keys)
                }
                if !records.isEmpty { onRecords(records) }
            } catch let error as StoreError {
                onError(error)
            } catch {
                onError(.io(operation: "read", path: journal.path, errno: EIO))
            }
        }
    }

    public func start() { watcher.start() }
    public func stop() { watcher.stop() }
}

/// The follower's place in the journal and the keys registered up to it, shared with the
/// watcher's thread.
private final class Cursor: Sendable {
    struct Place {
        var position: JournalPosition
        var keys: KeyRegistry
    }

    let place: Mutex<Place>

    init(_ start: JournalPosition, keys: KeyRegistry) { place = Mutex(Place(position: start, keys: keys)) }
}
