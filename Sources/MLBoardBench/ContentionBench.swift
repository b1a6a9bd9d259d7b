import BoardCore
import BoardStore
import Foundation
import Glibc

/// (b) 1, 2, 4, 8 and 50 writer processes committing at once, beside SQLite (WAL, FULL) with
/// the same number of processes. Each child waits for a common start time, then commits COUNT
/// times and reports each commit's latency (lock wait included) and its end time. Every
/// configuration runs several rounds, mlboard and SQLite alternating, one table row a round.
///
/// The figures: commits/s over the whole round; p99 of every commit of every writer; and the
/// per-writer p99 (each writer's own p99 over its COUNT commits, the worst writer's shown),
/// which shows a writer starved by the others; the mean, which with every writer busy all along
/// is writers / rate whatever the order (Little's law), so a low p99 beside a high mean means the
/// waits fell on a few commits; and the longest wait. A writer's first commits (warm-up) are
/// left out; the row says how many commits were counted on each side. Last: when the first
/// and the last writer finished all their commits, in seconds after the start. A lock that lets
/// some writers through again and again while others wait (SQLite's busy handler sleeps, and
/// whoever asks while it sleeps goes first) shows there as a wide spread, even when its
/// per-commit figures are small: the first commits' waits fall in the warm-up.
///
/// MLBOARD_BENCH_WRITERS="50" (a comma-separated list) runs only those writer counts.
enum ContentionBench {
    static let warmUp = 5

    static func run(quick: Bool) throws {
        let perWriter = quick ? 60 : 300
        let rounds = quick ? 1 : 3
        let counts = ProcessInfo.processInfo.environment["MLBOARD_BENCH_WRITERS"]
            .map { $0.split(separator: ",").compactMap { Int($0) } } ?? [1, 2, 4, 8, 50]
        var table = Table(
            title: "Contention: writer processes committing at once (\(perWriter) commits each, the first \(warmUp) not counted; latency includes waiting for the lock)",
            header: ["writers", "round", "mlboard commits/s", "mean ms", "p99 ms", "worst writer p99", "max ms", "counted", "done s",
                     "SQLite WAL commits/s", "mean ms", "p99 ms", "worst writer p99", "max ms", "counted", "done s"])
        for writers in counts {
            for round in 1...rounds {
                let scratch = Scratch("contention")
                defer { scratch.remove() }
                let directory = DataDirectory(scratch.url("demo"))
                Fixtures.demo(at: directory, size: 8, scratch: scratch)
                let lineLength = Fixtures.approvalLineLength(directory)
                let body = try Fixtures.paddedBody(target: lineLength, in: directory, scratch: scratch)
                let sqlitePath = scratch.url("wal.sqlite").path
                _ = SQLiteStore(path: sqlitePath, mode: .wal)  // create the table and switch to WAL once
                let env = Fixtures.environment(scratch)
                let mine = measure(writers: writers, count: perWriter) { start in
                    Child.spawn(selfPath, ["child-mlboard-writer", directory.path, "\(perWriter)", "\(start)", body], environment: env)
                }
                let theirs = measure(writers: writers, count: perWriter) { start in
                    Child.spawn(selfPath, ["child-sqlite-writer", sqlitePath, "\(perWriter)", "\(start)", "\(lineLength)"], environment: env)
                }
                let report = try WorkspaceStore.verify(directory)
                precondition(report.passed, "the journal failed verify after contention: \(report.problems)")
                table.add(["\(writers)", "\(round)"] + mine.cells + theirs.cells)
            }
        }
        table.print()
    }

    struct Outcome {
        var rate: Double
        var all: Samples
        var worstWriterP99: Double
        /// Seconds from the start until the first and the last writer had finished.
        var firstDone: Double
        var lastDone: Double

        var cells: [String] {
            [fmt(rate, 0), fmtMillis(all.mean), fmtMillis(all.p99), fmtMillis(worstWriterP99), fmtMillis(all.percentile(100)), "\(all.count)",
             "\(fmt(firstDone, 2)) / \(fmt(lastDone, 2))"]
        }
    }

    private static func measure(writers: Int, count: Int, spawn: (UInt64) -> Child) -> Outcome {
        let start = nowNanos() + 1_500_000_000 + UInt64(writers) * 20_000_000  // time to start them all
        let children = (0..<writers).map { _ in spawn(start) }
        var latencies: [Double] = []
        var writerP99s: [Double] = []
        var ends: [UInt64] = []
        for child in children {
            let (status, output) = child.wait()
            precondition(status == 0, "a writer failed (\(status)): \(output.suffix(500))")
            let values = parseChild(output)
            let own = (values["lat"] ?? []).compactMap(Double.init).dropFirst(warmUp)
            latencies += own
            writerP99s.append(Samples(Array(own)).p99)
            ends.append(values["end"]?.last.flatMap { UInt64($0) } ?? start)
        }
        let done = ends.map { Double($0 - start) / 1e9 }.sorted()
        return Outcome(rate: Double(writers * count) / (done.last ?? .nan), all: Samples(latencies), worstWriterP99: writerP99s.max() ?? .nan,
                       firstDone: done.first ?? .nan, lastDone: done.last ?? .nan)
    }

    static func waitUntil(_ start: UInt64) {
        while nowNanos() < start { usleep(200) }
    }

    /// Child: commits `count` approval-sized comments through WorkspaceStore.execute.
    static func mlboardWriter(_ arguments: [String]) throws {
        let directory = DataDirectory(URL(fileURLWithPath: arguments[0]))
        let count = Int(arguments[1])!
        let start = UInt64(arguments[2])!
        let body = arguments[3]
        let store = try WorkspaceStore.open(directory)
        store.snapshotInterval = .max
        waitUntil(start)
        var output = ""
        for _ in 0..<count {
            let begin = nowNanos()
            try store.execute(.comment(on: .project(Fixtures.project), body: body), as: Fixtures.actor, now: Instant(Date()))
            output += "lat \(Double(nowNanos() - begin) / 1000)\n"
        }
        output += "end \(nowNanos())\n"
        print(output, terminator: "")
    }

    /// Child: commits `count` one-row transactions of `size` bytes to a WAL database.
    static func sqliteWriter(_ arguments: [String]) {
        let database = SQLiteStore(path: arguments[0], mode: .wal)
        let count = Int(arguments[1])!
        let start = UInt64(arguments[2])!
        let payload = [UInt8](repeating: UInt8(ascii: "a"), count: Int(arguments[3])!)
        waitUntil(start)
        var output = ""
        for _ in 0..<count {
            let begin = nowNanos()
            database.commitRow(payload)
            output += "lat \(Double(nowNanos() - begin) / 1000)\n"
        }
        output += "end \(nowNanos())\n"
        print(output, terminator: "")
    }
}
