import Dispatch
import Synchronization

/// Runs an operation on the journal from synchronous code (the command line, the dashboard's
/// input loop, a test) and waits for it. Each operation has its own deadline, so the wait ends.
/// The operation runs on `PostgresExecutor`, so a caller that blocks a thread of Swift's shared
/// pool (a test runs on one) never waits for work that needs that thread.
public enum Blocking {
    public static func wait<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: PostgresExecutor.shared) {
            let result: Result<T, any Error>
            do { result = .success(try await operation()) } catch { result = .failure(error) }
            outcome.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return try outcome.withLock { $0! }.get()
    }
}
