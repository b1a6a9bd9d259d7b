import Dispatch
import Synchronization

/// Runs an operation on the journal from synchronous code (the command line, the dashboard's
/// input loop, a test) and waits for it. Each operation has its own deadline, so the wait ends.
/// The operation runs on `PostgresExecutor`, so a caller that blocks a thread of Swift's shared
/// pool (a test runs on one) never waits for work that needs that thread.
public enum Blocking {
    public static func wait<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        try Started(operation).wait()
    }

    /// An operation started now and waited for later, so synchronous code can work meanwhile.
    public final class Started<T: Sendable>: Sendable {
        private let outcome = Mutex<Result<T, any Error>?>(nil)
        private let done = DispatchSemaphore(value: 0)

        /// `finished`, when given, is called (on another thread) once the outcome is in.
        public init(_ operation: @escaping @Sendable () async throws -> T, finished: (@Sendable () -> Void)? = nil) {
            Task(executorPreference: PostgresExecutor.shared) {
                let result: Result<T, any Error>
                do { result = .success(try await operation()) } catch { result = .failure(error) }
                self.outcome.withLock { $0 = result }
                self.done.signal()
                finished?()
            }
        }

        /// Whether the outcome is in, so `wait` returns at once.
        public var isFinished: Bool { outcome.withLock { $0 != nil } }

        /// What the operation returned or threw, once it has (wait once).
        public func wait() throws -> T {
            done.wait()
            return try outcome.withLock { $0! }.get()
        }
    }
}
