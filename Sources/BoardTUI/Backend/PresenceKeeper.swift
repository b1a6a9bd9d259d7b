import BoardStore
import Dispatch
import Synchronization

/// Keeps this person's presence fresh and learns who else is here on a queue of its own, so
/// the dashboard's loop never waits for it: on a database workspace each is a round trip to the
/// server, and while the network is cut one waits for its deadline.
final class PresenceKeeper: @unchecked Sendable {  // `presence` is only ever used on `queue`
    private let presence: any StorePresence
    private let queue = DispatchQueue(label: "mlboard.presence")
    private let answers = Mailbox<[String]>()
    private let asking = Mutex(false)

    init(_ presence: any StorePresence) { self.presence = presence }

    /// Sends a heartbeat and asks who else is here, unless the last round is still under way;
    /// `answered` is called once the answer can be taken.
    func refresh(then answered: @escaping @Sendable () -> Void) {
        guard asking.withLock({ busy in defer { busy = true }; return !busy }) else { return }
        queue.async { [self] in
            presence.heartbeat()
            answers.put(presence.others())
            asking.withLock { $0 = false }
            answered()
        }
    }

    /// Everyone else who was here at the last answer, if one came since the last look.
    func takeOthers() -> [String]? { answers.take() }

    /// Says goodbye, waiting at most a second: a server out of reach must not hold up quitting
    /// (its row goes stale on its own).
    func leave() {
        let left = DispatchSemaphore(value: 0)
        queue.async { [self] in
            presence.leave()
            left.signal()
        }
        _ = left.wait(timeout: .now() + .seconds(1))
    }
}
