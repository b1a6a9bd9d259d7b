import BoardCore
import BoardStore
import Foundation
import Glibc
import Synchronization

/// (d) One process commits; another process's JournalFollower hands it to its subscriber.
/// The writer puts its monotonic clock reading, taken just before `execute`, in the comment;
/// the latency is the subscriber's clock minus that (so it includes the commit itself).
enum SyncBench {
    static func run(quick: Bool) throws {
        var table = Table(title: "Sync: commit in one process until another process's subscriber has it",
                          header: ["watching", "commits", "median ms", "p99 ms"])
        let inotify = try measure(useInotify: true, pollInterval: 1.0, count: quick ? 30 : 200, gapMillis: 20)
        table.add(["inotify (+1 s poll fallback)", "\(inotify.count)", fmtMillis(inotify.median), fmtMillis(inotify.p99)])
        let polling = try measure(useInotify: false, pollInterval: 1.0, count: quick ? 8 : 30, gapMillis: 300)
        table.add(["polling only, every 1 s (the default)", "\(polling.count)", fmtMillis(polling.median), fmtMillis(polling.p99)])
        let fastPoll = try measure(useInotify: false, pollInterval: 0.1, count: quick ? 20 : 100, gapMillis: 37)
        table.add(["polling only, every 100 ms", "\(fastPoll.count)", fmtMillis(fastPoll.median), fmtMillis(fastPoll.p99)])
        table.print()
    }

    private static func measure(useInotify: Bool, pollInterval: TimeInterval, count: Int, gapMillis: Int) throws -> Samples {
        let scratch = Scratch("sync")
        defer { scratch.remove() }
        let directory = DataDirectory(scratch.url("demo"))
        Fixtures.demo(at: directory, size: 8, scratch: scratch)
        let env = Fixtures.environment(scratch)
        let store = try WorkspaceStore.open(directory, environment: env)
        let seen = Mutex<[Double]>([])
        let follower = JournalFollower(directory: directory, after: store.position, useInotify: useInotify,
                                       pollInterval: pollInterval) { records in
            let now = nowNanos()
            let latencies = records.compactMap { record -> Double? in
                guard case .commented(let comment) = record.event, comment.body.hasPrefix("t=") else { return nil }
                return UInt64(comment.body.dropFirst(2)).map { Double(now - $0) / 1000 }
            }
            seen.withLock { $0 += latencies }
        }
        follower.start()
        defer { follower.stop() }
        precondition(follower.usesInotify == useInotify, "inotify is not available here")
        let (status, output) = Child.spawn(selfPath, ["child-sync-writer", directory.path, "\(count)", "\(gapMillis)"], environment: env).wait()
        precondition(status == 0, "sync writer failed: \(output)")
        let deadline = nowNanos() + UInt64(pollInterval * 3e9)
        while seen.withLock({ $0.count }) < count && nowNanos() < deadline { usleep(1_000) }
        return Samples(seen.withLock { $0 })
    }

    /// Child: commits `count` comments "t=<monotonic ns>", with a jittered gap between them so
    /// they do not fall into step with the reader's polling.
    static func writer(_ arguments: [String]) throws {
        let store = try WorkspaceStore.open(DataDirectory(URL(fileURLWithPath: arguments[0])))
        let count = Int(arguments[1])!
        let gap = Int(arguments[2])!
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<count {
            usleep(UInt32(gap * 1000 / 2 + Int.random(in: 0...(gap * 1000), using: &generator)))
            try store.execute(.comment(on: .project(Fixtures.project), body: "t=\(nowNanos())"), as: Fixtures.actor, now: Instant(Date()))
        }
    }
}
