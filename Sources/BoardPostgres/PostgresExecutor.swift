import Dispatch

/// Where every task of this module runs: one dispatch queue, apart from Swift's shared pool.
/// Callers of the synchronous store block a thread while they wait (see `Blocking`); on a
/// machine with two cores the shared pool has two threads, and two blocked callers would leave
/// none for the work they wait for. Tasks started elsewhere do not inherit an executor
/// preference, so each task here names it.
final class PostgresExecutor: TaskExecutor {
    static let shared = PostgresExecutor()
    private let queue = DispatchQueue(label: "mlboard.postgres")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
