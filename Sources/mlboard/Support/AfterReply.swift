import BoardStore
import Foundation

/// Work a command leaves until its reply is out: a reader whose snapshot lags far behind the
/// journal (a first open, or someone who only reads) writes a fresh one, so the next open is
/// quick, without making this command wait for it.
enum AfterReply {
    nonisolated(unsafe) private static var stores: [WorkspaceStore] = []

    static func remember(_ store: WorkspaceStore) { stores.append(store) }

    static func run() {
        fflush(nil)  // every stream: the reply is out before the work starts
        for store in stores where store.snapshotIsBehind { try? store.writeSnapshot() }
        stores.removeAll()
    }
}
