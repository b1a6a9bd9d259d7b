import Synchronization

/// Takes turns in the order asked, for operations that must not interleave across their awaits.
final class Turns: Sendable {
    private let state = Mutex<(taken: Bool, waiting: [CheckedContinuation<Void, Never>])>((false, []))

    func take() async {
        await withCheckedContinuation { continuation in
            let mayGo = state.withLock { state in
                if !state.taken {
                    state.taken = true
                    return true
                }
                state.waiting.append(continuation)
                return false
            }
            if mayGo { continuation.resume() }
        }
    }

    /// Hands the turn to the next in line, or frees it.
    func pass() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiting.isEmpty {
                state.taken = false
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}
