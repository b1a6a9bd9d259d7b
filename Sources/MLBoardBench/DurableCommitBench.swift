import BoardCore
import BoardStore
import Foundation

/// (a) One writer, durable commits of one approval-sized event, side by side with SQLite and
/// the disk's floors, in interleaved rounds so a noisy moment hits every system alike.
enum DurableCommitBench {
    struct Result {
        var name: String
        var samples: Samples
        /// Mean CPU time of the process per commit.
        var cpu: CPUCost
    }

    static func run(quick: Bool) throws -> [Result] {
        let scratch = Scratch("commit")
        defer { scratch.remove() }
        let directory = DataDirectory(scratch.url("demo"))
        Fixtures.demo(at: directory, size: 8, scratch: scratch)
        let lineLength = Fixtures.approvalLineLength(directory)
        let body = try Fixtures.paddedBody(target: lineLength, in: directory, scratch: scratch)
        let payload = [UInt8](repeating: UInt8(ascii: "a"), count: lineLength - 1) + [UInt8(ascii: "\n")]
        let rounds = quick ? 3 : 10
        let perRound = quick ? 100 : 300

        let store = try WorkspaceStore.open(directory, environment: Fixtures.environment(scratch))
        store.snapshotInterval = .max  // a snapshot every 2,000 events would be a separate cost
        let wal = SQLiteStore(path: scratch.url("wal.sqlite").path, mode: .wal)
        let rollback = SQLiteStore(path: scratch.url("rollback.sqlite").path, mode: .rollback)
        let appender = DiskFloor.Appender(path: scratch.url("append.bin").path)
        let overwriter = DiskFloor.Overwriter(path: scratch.url("overwrite.bin").path, capacity: (rounds + 1) * perRound * payload.count)

        let systems: [(String, () throws -> Void)] = [
            ("mlboard execute (lock, catch up, decide, append, fdatasync)", {
                try store.execute(.comment(on: .project(Fixtures.project), body: body), as: Fixtures.actor, now: Instant(Date()))
            }),
            (SQLiteStore.Mode.wal.title, { wal.commitRow(payload) }),
            (SQLiteStore.Mode.rollback.title, { rollback.commitRow(payload) }),
            ("floor: append + fdatasync (file grows)", { appender.commit(payload) }),
            ("floor: overwrite preallocated + fdatasync", { overwriter.commit(payload) }),
        ]
        let (latencies, cpu) = try interleavedCosts(of: systems.map(\.1), rounds: rounds, perRound: perRound)
        let results = systems.indices.map { Result(name: systems[$0].0, samples: Samples(latencies[$0]), cpu: cpu[$0]) }
        var table = Table(
            title: "Durable commit, one writer (\(lineLength)-byte line = an approval's journal line; \(rounds) interleaved rounds x \(perRound))",
            header: ["system", "commits", "median us", "p99 us", "commits/s", "user CPU us", "system CPU us"])
        for result in results {
            table.add([result.name, "\(result.samples.count)", fmt(result.samples.median), fmt(result.samples.p99),
                       fmt(1_000_000 / result.samples.mean, 0), fmt(result.cpu.user), fmt(result.cpu.system)])
        }
        table.print()
        let mlboard = results[0].samples.median
        var ratios = Table(title: "Ratios of median latency (below 1.0: mlboard is faster)", header: ["ratio", "value"])
        ratios.add(["mlboard / SQLite WAL", fmt(mlboard / results[1].samples.median, 2)])
        ratios.add(["mlboard / SQLite rollback", fmt(mlboard / results[2].samples.median, 2)])
        ratios.add(["mlboard / SQLite WAL, user CPU per commit", fmt(results[0].cpu.user / results[1].cpu.user, 2)])
        ratios.add(["mlboard / SQLite WAL, user and system CPU per commit",
                    fmt((results[0].cpu.user + results[0].cpu.system) / (results[1].cpu.user + results[1].cpu.system), 2)])
        ratios.add(["mlboard / floor (append)", fmt(mlboard / results[3].samples.median, 2)])
        ratios.add(["mlboard / floor (preallocated overwrite)", fmt(mlboard / results[4].samples.median, 2)])
        ratios.print()
        return results
    }
}
