import BoardStore
import Foundation

/// Work a command leaves until its reply is out: when this user's snapshot lags far behind
/// the journal (every 2,000 events, a first open, or someone who only reads), a fresh one is
/// written, so the next open is quick, without making this command's reply wait for it.
enum AfterReply {
    nonisolated(unsafe) private static var stores: [any WorkspaceStoring] = []

    static func remember(_ store: any WorkspaceStoring) { stores.append(store) }

    /// A folder's store stays held until the process ends: freeing its state is work nobody
    /// waits for. A server's store is let go, which closes its connection.
    static func run() {
        fflush(nil)  // every stream: the reply is out before the work starts
        for store in stores { try? store.cacheWork()?.run() }
        stores.removeAll { !($0 is WorkspaceStore) }
    }
}
