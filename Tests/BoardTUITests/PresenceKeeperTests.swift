@testable import BoardTUI
import BoardStore
import Dispatch
import Synchronization
import Testing

/// The dashboard's loop hands presence to a queue of its own: a server that does not answer
/// (a cut network) must never hold up drawing or quitting.
@Suite("Presence kept off the dashboard's loop")
struct PresenceKeeperTests {
    /// A presence whose every call waits until the test lets it go, as one to an unreachable server does.
    final class StuckPresence: StorePresence, @unchecked Sendable {
        let goOn = DispatchSemaphore(value: 0)
        let calls = Mutex<[String]>([])

        func heartbeat() { goOn.wait(); calls.withLock { $0.append("heartbeat") } }
        func others() -> [String] { calls.withLock { $0.append("others") }; return ["bob"] }
        func leave() { goOn.wait(); calls.withLock { $0.append("leave") } }
    }

    @Test("refresh returns while the server is silent; the answer arrives once it speaks, and a second refresh meanwhile asks nothing more")
    func refreshDoesNotWait() throws {
        let stuck = StuckPresence()
        let keeper = PresenceKeeper(stuck)
        let answered = DispatchSemaphore(value: 0)
        keeper.refresh { answered.signal() }
        keeper.refresh { answered.signal() }  // the first round is still under way
        #expect(keeper.takeOthers() == nil, "no answer yet, and the caller was not kept waiting")
        stuck.goOn.signal()
        answered.wait()
        #expect(keeper.takeOthers() == ["bob"])
        #expect(stuck.calls.withLock { $0 } == ["heartbeat", "others"])
    }

    @Test("leaving gives up on a server that does not answer, so quitting is not held up")
    func leaveDoesNotHang() {
        let stuck = StuckPresence()
        let keeper = PresenceKeeper(stuck)
        keeper.leave()
        #expect(stuck.calls.withLock { $0 }.isEmpty, "leave returned while the server was still silent")
        stuck.goOn.signal()
    }
}
