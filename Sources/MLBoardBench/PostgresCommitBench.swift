import BoardCore
import BoardPostgres
import BoardStore
import Foundation
import Synchronization
import TestSupport

/// Durable commits of one approval-sized comment on PostgreSQL through the real store, beside a
/// bare single-row INSERT transaction on the same server and connection kind, an append sent
/// bare as six statements and as one server-side function call, and the folder store
/// on this machine's disk: one writer in interleaved rounds, then 8 writer threads at once.
enum PostgresCommitBench {
    struct OneWriter {
        var names: [String]
        var samples: [Samples]
    }

    static func oneWriter(cluster: PostgresCluster, quick: Bool) throws -> OneWriter {
        let scratch = Scratch("pg-commit")
        defer { scratch.remove() }
        let directory = DataDirectory(scratch.url("demo"))
        Fixtures.demo(at: directory, size: 8, scratch: scratch)
        let lineLength = Fixtures.approvalLineLength(directory)
        let body = try Fixtures.paddedBody(target: lineLength, in: directory, scratch: scratch)
        let folder = try WorkspaceStore.open(directory, environment: Fixtures.environment(scratch))
        folder.snapshotInterval = .max  // a snapshot every 2,000 events would be a separate cost
        let location = try PostgresFixtures.copy(of: folder, into: cluster, name: "commit")
        try PostgresBareConnection.createTables(location)
        let store = try PostgresWorkspaceStore.open(location, environment: PostgresFixtures.environment)
        let bare = try PostgresBareConnection(location)
        defer { bare.close() }
        let row = [UInt8](repeating: UInt8(ascii: "a"), count: lineLength - 1)  // a line as the store sends it, without its newline
        let rounds = quick ? 2 : 5
        let perRound = quick ? 30 : 100

        let comment = Command.comment(on: .project(Fixtures.project), body: body)
        let systems: [(String, () throws -> Void)] = [
            ("PostgreSQL store execute (decide, then one call: lock, head check, INSERT, NOTIFY, commit)", {
                try store.execute(comment, as: Fixtures.actor, now: Instant(Date()))
            }),
            ("bare INSERT transaction (BEGIN, INSERT one row, COMMIT)", { try bare.insertOneRow(row) }),
            ("an append as 6 statements, bare (BEGIN, lock, head, INSERT, NOTIFY, COMMIT)", { try bare.appendAsSixStatements(row) }),
            ("an append as one function call, bare (the floor of one round trip)", { try bare.appendInOneRoundTrip(row) }),
            ("folder store execute (lock, catch up, decide, append, fdatasync)", {
                try folder.execute(comment, as: Fixtures.actor, now: Instant(Date()))
            }),
        ]
        let latencies = try interleavedLatencies(of: systems.map(\.1), rounds: rounds, perRound: perRound)
        let result = OneWriter(names: systems.map(\.0), samples: latencies.map(Samples.init))
        var table = Table(
            title: "PostgreSQL: durable commit, one writer (\(lineLength)-byte line = an approval's journal line; \(rounds) interleaved rounds x \(perRound), after \(20) uncounted)",
            header: ["system", "commits", "median us", "p99 us", "commits/s"])
        for (name, samples) in zip(result.names, result.samples) {
            table.add([name, "\(samples.count)", fmt(samples.median), fmt(samples.p99), fmt(1_000_000 / samples.mean, 0)])
        }
        table.print()
        return result
    }

    struct Writers {
        var rate: Double
        var all: Samples
        var worstWriterP99: Double
        /// Commits that threw (the store gives up after 100 lost races); not in the latencies.
        var failed: Int
        var firstFailure: String?

        var cells: [String] {
            [fmt(rate, 0), fmtMillis(all.median), fmtMillis(all.p99), fmtMillis(worstWriterP99), fmtMillis(all.percentile(100)), "\(all.count)", "\(failed)"]
        }
    }

    static let writerCount = 8
    private static let postgresStore = "PostgreSQL store execute"
    static let warmUp = 5

    /// 8 threads, each with its own store (or connection), committing at once; rounds alternate
    /// the order of the systems.
    static func eightWriters(cluster: PostgresCluster, quick: Bool) throws {
        let perWriter = quick ? 40 : 100
        let rounds = 2
        var table = Table(
            title: "PostgreSQL: \(writerCount) writer threads at once, each its own store or connection (\(perWriter) commits each, the first \(warmUp) not counted; latency includes waiting for the lock)",
            header: ["system", "round", "commits/s", "median ms", "p99 ms", "worst writer p99", "max ms", "counted", "failed"])
        var failures: [String] = []
        for round in 1...rounds {
            let scratch = Scratch("pg-writers")
            defer { scratch.remove() }
            let directory = DataDirectory(scratch.url("demo"))
            Fixtures.demo(at: directory, size: 8, scratch: scratch)
            let lineLength = Fixtures.approvalLineLength(directory)
            let body = try Fixtures.paddedBody(target: lineLength, in: directory, scratch: scratch)
            let environment = Fixtures.environment(scratch)
            let location = try PostgresFixtures.copy(of: try WorkspaceStore.open(directory, environment: environment), into: cluster, name: "writers")
            try PostgresBareConnection.createTables(location)
            let row = [UInt8](repeating: UInt8(ascii: "a"), count: lineLength - 1)
            let comment = Command.comment(on: .project(Fixtures.project), body: body)

            var systems: [(String, @Sendable () throws -> () throws -> Void)] = [
                (postgresStore, {
                    let store = try PostgresWorkspaceStore.open(location, environment: PostgresFixtures.environment)
                    return { try store.execute(comment, as: Fixtures.actor, now: Instant(Date())) }
                }),
                ("bare INSERT transaction", {
                    let bare = try PostgresBareConnection(location)
                    return { try bare.insertOneRow(row) }
                }),
                ("folder store execute", {
                    let store = try WorkspaceStore.open(directory, environment: environment)
                    store.snapshotInterval = .max
                    return { try store.execute(comment, as: Fixtures.actor, now: Instant(Date())) }
                }),
            ]
            if round % 2 == 0 { systems.reverse() }
            var failedOnPostgres = 0
            for (name, open) in systems {
                let outcome = try measure(perWriter: perWriter, open: open)
                if name == postgresStore { failedOnPostgres = outcome.failed }
                table.add([name, "\(round)"] + outcome.cells)
                if let failure = outcome.firstFailure { failures.append("\(name), round \(round): \(failure)") }
            }
            let report = try WorkspaceStore.verify(directory)
            precondition(report.passed, "the folder journal failed verify after 8 writers: \(report.problems)")
            let store = try PostgresWorkspaceStore.open(location, environment: PostgresFixtures.environment)
            precondition(store.state.counters.comments >= writerCount * perWriter - failedOnPostgres, "PostgreSQL lost comments: \(store.state.counters.comments)")
        }
        table.print()
        for failure in failures { print("first failed commit: \(failure)") }
    }

    /// Starts the writers, lets them open, then starts them all at once and waits for the last.
    private static func measure(perWriter: Int, open: @escaping @Sendable () throws -> () throws -> Void) throws -> Writers {
        let ready = DispatchSemaphore(value: 0)
        let go = DispatchSemaphore(value: 0)
        let finished = DispatchGroup()
        let outcomes = Mutex<[(latencies: [Double], failed: Int, end: UInt64)]>([])
        let failures = Mutex<[String]>([])
        for _ in 0..<writerCount {
            finished.enter()
            Thread {
                defer { finished.leave() }
                do {
                    let commit = try open()
                    ready.signal()
                    go.wait()
                    var latencies: [Double] = []
                    var failed = 0
                    for _ in 0..<perWriter {
                        let begin = nowNanos()
                        do {
                            try commit()
                            latencies.append(Double(nowNanos() - begin) / 1000)
                        } catch {
                            failed += 1
                            failures.withLock { $0.append("\(error)") }
                        }
                    }
                    let end = nowNanos()
                    outcomes.withLock { $0.append((latencies, failed, end)) }
                } catch {
                    ready.signal()
                    failures.withLock { $0.append("\(error)") }
                }
            }.start()
        }
        for _ in 0..<writerCount { ready.wait() }
        let start = nowNanos()
        for _ in 0..<writerCount { go.signal() }
        finished.wait()
        let all = outcomes.withLock { $0 }
        guard all.count == writerCount else {
            throw BenchFailure(description: "a writer could not open: \(failures.withLock { $0.first ?? "" })")
        }
        let counted = all.map { Array($0.latencies.dropFirst(warmUp)) }
        let end = all.map(\.end).max() ?? start
        let failed = all.map(\.failed).reduce(0, +)
        return Writers(rate: Double(writerCount * perWriter - failed) / (Double(end - start) / 1e9),
                       all: Samples(counted.flatMap { $0 }),
                       worstWriterP99: counted.map { Samples($0).p99 }.max() ?? .nan,
                       failed: failed, firstFailure: failures.withLock { $0.first })
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
}
