import BoardStore
import Foundation

/// Work a command leaves until its reply is out: when this user's snapshot lags far behind
/// the journal (every 2,000 events, a first open, or someone who only reads), a fresh one is
/// written, so the next open is quick, without making this command's reply wait for it.
enum AfterReply {
    nonisolated(unsafe) private static var stores: [any WorkspaceStoring] = []

    static func remember(_ store: any WorkspaceStoring) { stores.append(store) }

    static func run() {
        fflush(nil)  // every stream: the reply is out before the work starts
        for store in stores { try? store.cacheWork()?.run() }
        stores.removeAll()
    }
}
