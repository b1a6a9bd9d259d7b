import BoardCore
import BoardPostgres
import BoardStore
import Foundation
import Glibc
import TestSupport

/// Sync through NOTIFY: client A (a child process, its own store) commits a comment holding its
/// monotonic clock reading taken just before `execute`; client B (this process, its own store
/// with `watch(waking:)`) is woken and its `refresh()` returns the record. The latency is B's
/// clock once it has the record minus A's reading, so it includes A's commit. A also reports
/// its commit alone, so what the notification and B's refresh add can be told apart.
enum PostgresSyncBench {
    struct Result {
        var sync: Samples
        var commit: Samples
    }

    static func run(cluster: PostgresCluster, quick: Bool) throws -> Result {
        let rounds = 2
        let perRound = quick ? 30 : 100
        let gapMillis = 20
        let scratch = Scratch("pg-sync")
        defer { scratch.remove() }
        let directory = DataDirectory(scratch.url("demo"))
        Fixtures.demo(at: directory, size: 8, scratch: scratch)
        let location = try PostgresFixtures.copy(of: try WorkspaceStore.open(directory, environment: Fixtures.environment(scratch)),
                                                 into: cluster, name: "sync")
        var table = Table(
            title: "PostgreSQL: sync through NOTIFY, A's commit call until B's refresh() has the record (A a separate process; a commit every \(gapMillis / 2)-\(gapMillis * 3 / 2) ms)",
            header: ["round", "records", "sync median ms", "sync p99 ms", "A's commit alone median ms", "p99 ms"])
        var syncs: [Double] = []
        var commits: [Double] = []
        for round in 1...rounds {
            let (sync, commit) = try measure(location, count: perRound, gapMillis: gapMillis, environment: Fixtures.environment(scratch))
            table.add(["\(round)", "\(sync.count)", fmtMillis(sync.median), fmtMillis(sync.p99), fmtMillis(commit.median), fmtMillis(commit.p99)])
            syncs += sync.sorted
            commits += commit.sorted
        }
        let result = Result(sync: Samples(syncs), commit: Samples(commits))
        table.add(["all", "\(result.sync.count)", fmtMillis(result.sync.median), fmtMillis(result.sync.p99),
                   fmtMillis(result.commit.median), fmtMillis(result.commit.p99)])
        table.print()
        return result
    }

    private static func measure(_ location: PostgresLocation, count: Int, gapMillis: Int,
                                environment: [String: String]) throws -> (sync: Samples, commit: Samples) {
        let reader = try PostgresWorkspaceStore.open(location, environment: PostgresFixtures.environment)
        let woken = DispatchSemaphore(value: 0)
        let watch = reader.watch(waking: { woken.signal() })
        defer { watch.stop() }
        guard woken.wait(timeout: .now() + 10) == .success else { throw BenchFailure(description: "the watch never started listening") }
        try reader.refresh()

        var childEnvironment = environment
        childEnvironment.removeValue(forKey: "MLBOARD_PG_POLL")
        let writer = Child.spawn(selfPath, ["child-pg-sync-writer", PostgresFixtures.url(location), "\(count)", "\(gapMillis)"],
                                 environment: childEnvironment)
        var latencies: [Double] = []
        var quietSince = nowNanos()
        while latencies.count < count && nowNanos() - quietSince < 10_000_000_000 {
            guard woken.wait(timeout: .now() + 1) == .success else { continue }
            let records = try reader.refresh()
            let now = nowNanos()
            for record in records {
                guard case .commented(let comment) = record.event, comment.body.hasPrefix("t=") else { continue }
                if let sent = UInt64(comment.body.dropFirst(2)) { latencies.append(Double(now - sent) / 1000) }
            }
            if !records.isEmpty { quietSince = now }
        }
        let (status, output) = writer.wait()
        guard status == 0 else { throw BenchFailure(description: "the sync writer failed (\(status)): \(output.suffix(500))") }
        guard latencies.count == count else { throw BenchFailure(description: "B saw \(latencies.count) of \(count) records") }
        let commits = (parseChild(output)["commit"] ?? []).compactMap(Double.init)
        return (Samples(latencies), Samples(commits))
    }

    /// Child: client A. Commits `count` comments "t=<monotonic ns>" with a jittered gap, and
    /// prints each commit's own latency.
    static func writer(_ arguments: [String]) throws {
        let location = try PostgresLocation(url: arguments[0])
        let store = try PostgresWorkspaceStore.open(location, environment: PostgresFixtures.environment)
        let count = Int(arguments[1])!
        let gap = Int(arguments[2])!
        var output = ""
        for _ in 0..<count {
            usleep(UInt32(gap * 1000 / 2 + Int.random(in: 0...(gap * 1000))))
            let sent = nowNanos()
            try store.execute(.comment(on: .project(Fixtures.project), body: "t=\(sent)"), as: Fixtures.actor, now: Instant(Date()))
            output += "commit \(Double(nowNanos() - sent) / 1000)\n"
        }
        print(output, terminator: "")
    }
}
