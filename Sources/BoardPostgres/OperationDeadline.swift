import Synchronization

/// A bound on how long one operation may wait for the server. postgres-nio does not time out a
/// query, and it never answers one written to a connection the server has just ended, so
/// without a bound a lost connection can stall a command, a dashboard or a test for ever.
struct OperationDeadline: Sendable {
    let limit: Duration

    struct Expired: Error {}

    /// Runs `body` and returns what it returns, or throws `Expired` once `limit` has passed,
    /// after calling `onExpiry` (which should close the connection `body` waits on). A body
    /// that still does not finish is left to end on its own: the caller is not kept waiting.
    func run<Result: Sendable>(onExpiry: @escaping @Sendable () -> Void,
                               _ body: @escaping @Sendable () async throws -> Result) async throws -> Result {
        let limit = self.limit
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
            let outcome = FirstOutcome(continuation)
            let work = Task(executorPreference: PostgresExecutor.shared) {
                do { outcome.resume(with: .success(try await body())) } catch { outcome.resume(with: .failure(error)) }
            }
            let timer = Task(executorPreference: PostgresExecutor.shared) {
                try? await Task.sleep(for: limit)
                guard !Task.isCancelled, outcome.resume(with: .failure(Expired())) else { return }
                onExpiry()
                work.cancel()
            }
            outcome.onResume { timer.cancel() }
        }
    }
}

/// Resumes a continuation with whichever outcome comes first and ignores the rest.
private final class FirstOutcome<Result: Sendable>: Sendable {
    private let state: Mutex<(continuation: CheckedContinuation<Result, any Error>?, afterwards: (@Sendable () -> Void)?)>

    init(_ continuation: CheckedContinuation<Result, any Error>) {
        state = Mutex((continuation, nil))
    }

    /// Whether this outcome was the first.
    @discardableResult
    func resume(with outcome: Swift.Result<Result, any Error>) -> Bool {
        let (continuation, afterwards) = state.withLock { state in
            defer { state = (nil, nil) }
            return (state.continuation, state.afterwards)
        }
        guard let continuation else { return false }
        continuation.resume(with: outcome)
        afterwards?()
        return true
    }

    /// Runs `action` once the first outcome is in (at once if it already is).
    func onResume(_ action: @escaping @Sendable () -> Void) {
        let alreadyResumed = state.withLock { state in
            if state.continuation == nil { return true }
            state.afterwards = action
            return false
        }
        if alreadyResumed { action() }
    }
}
