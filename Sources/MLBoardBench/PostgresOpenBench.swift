import BoardCore
import BoardPostgres
import BoardStore
import Foundation
import TestSupport

/// A new client opens a 100k-event workspace: process start until its state is ready, on
/// PostgreSQL with this user's snapshot and without (a full read and replay), beside the folder
/// store's open of the same events with its snapshot and without. Rounds interleave the four.
enum PostgresOpenBench {
    static let events: Int64 = 100_000

    static func run(cluster: PostgresCluster, quick: Bool) throws -> Samples {
        let rounds = 2
        let perRound = quick ? 2 : 6
        let scratch = Scratch("pg-open")
        defer { scratch.remove() }
        let directory = DataDirectory(scratch.url("demo"))
        Fixtures.demo(at: directory, size: 100, scratch: scratch)
        try Fixtures.pad(directory, toEvents: events, scratch: scratch)  // leaves a snapshot in the scratch's cache
        let withSnapshot = Fixtures.environment(scratch)
        var withoutSnapshot = withSnapshot
        let emptyCache = scratch.url("empty-cache")
        withoutSnapshot["XDG_CACHE_HOME"] = emptyCache.path
        let folder = try WorkspaceStore.open(directory, environment: withSnapshot)
        let copyStart = nowNanos()
        let location = try PostgresFixtures.copy(of: folder, into: cluster, name: "open")
        print("\ncopied \(events) lines to PostgreSQL (PostgresJournal.append, transactions of 5,000 lines) in \(fmt(Double(nowNanos() - copyStart) / 1e9, 1)) s")

        let pgCache = scratch.url("pg-cache")
        let snapshotted = try PostgresWorkspaceStore.open(location, environment: PostgresFixtures.environment.merging(["XDG_CACHE_HOME": pgCache.path]) { $1 })
        try snapshotted.cacheWork()?.run()
        var postgres: [Double] = []
        var postgresSnapshot: [Double] = []
        var folderSnapshot: [Double] = []
        var folderReplay: [Double] = []
        var rss = (postgres: 0.0, snapshot: 0.0, replay: 0.0)
        for round in 1...rounds {
            var turns: [() throws -> Void] = [
                {
                    let (millis, peak) = try openOnPostgres(location, repeats: perRound)
                    postgres += millis
                    rss.postgres = max(rss.postgres, peak)
                },
                {
                    postgresSnapshot += try openOnPostgres(location, repeats: perRound, cache: pgCache).millis
                },
                {
                    let (millis, peak) = OpenBench.measure(directory, repeats: perRound, environment: withSnapshot)
                    folderSnapshot += millis.sorted
                    rss.snapshot = max(rss.snapshot, peak)
                },
                {
                    for _ in 0..<perRound {
                        try? FileManager.default.removeItem(at: emptyCache)  // an open may leave a snapshot behind
                        let (millis, peak) = OpenBench.measure(directory, repeats: 1, environment: withoutSnapshot)
                        folderReplay += millis.sorted
                        rss.replay = max(rss.replay, peak)
                    }
                },
            ]
            if round % 2 == 0 { turns.reverse() }
            for turn in turns { try turn() }
        }
        var table = Table(
            title: "PostgreSQL: a new client opens \(events) events, process start to full state (\(rounds) interleaved rounds x \(perRound) opens)",
            header: ["store", "opens", "median ms", "max ms", "peak RSS MB"])
        let pg = Samples(postgres)
        table.add(["PostgreSQL store open, without snapshot", "\(pg.count)", fmt(pg.median), fmt(pg.percentile(100)), fmt(rss.postgres)])
        let pgSnapshot = Samples(postgresSnapshot)
        table.add(["PostgreSQL store open, with this user's snapshot", "\(pgSnapshot.count)", fmt(pgSnapshot.median), fmt(pgSnapshot.percentile(100)), "-"])
        for (name, millis, peak) in [("folder store open, with its snapshot", folderSnapshot, rss.snapshot),
                                     ("folder store open, without snapshot (full replay)", folderReplay, rss.replay)] {
            let samples = Samples(millis)
            table.add([name, "\(samples.count)", fmt(samples.median), fmt(samples.percentile(100)), fmt(peak)])
        }
        let reading = try readLinesAlone(location, repeats: rounds * perRound)
        table.add(["reading the lines alone from PostgreSQL, pages of 5,000, no replay (in process)", "\(reading.count)",
                   fmt(reading.median), fmt(reading.percentile(100)), "-"])
        table.print()
        try PostgresCommentsBench.run(location, cache: pgCache, quick: quick)
        return pg
    }

    /// Milliseconds to read every line in pages as the store's open does, without decoding or
    /// applying them: what the server and the connection cost of an open.
    private static func readLinesAlone(_ location: PostgresLocation, repeats: Int) throws -> Samples {
        var millis: [Double] = []
        for _ in 0..<repeats {
            let journal = PostgresJournal(location, environment: PostgresFixtures.environment, deadline: .seconds(60))
            let start = nowNanos()
            let count = try Blocking.wait {
                var after: Int64 = 0
                while true {
                    let page = try await journal.page(after: after, limit: 5_000)
                    guard let last = page.last else { return after }
                    after = last.sequence
                }
            }
            millis.append(Double(nowNanos() - start) / 1e6)
            _ = try Blocking.wait { await journal.close() }
            guard count == events else { throw BenchFailure(description: "read \(count) of \(events) lines") }
        }
        return Samples(millis)
    }

    /// Milliseconds from spawning a child until it has opened `location`, and its peak memory in MB.
    private static func openOnPostgres(_ location: PostgresLocation, repeats: Int, cache: URL? = nil) throws -> (millis: [Double], rssMB: Double) {
        var millis: [Double] = []
        var rss = 0.0
        for _ in 0..<repeats {
            let start = nowNanos()
            let (status, output) = Child.spawn(selfPath, ["child-pg-open", PostgresFixtures.url(location)] + (cache.map { [$0.path] } ?? [])).wait()
            guard status == 0 else { throw BenchFailure(description: "the PostgreSQL open failed (\(status)): \(output.suffix(500))") }
            let values = parseChild(output)
            guard let events = values["events"]?.first.flatMap({ Int64($0) }), events == Self.events,
                  let ready = values["ready"]?.first.flatMap({ UInt64($0) }) else {
                throw BenchFailure(description: "the PostgreSQL open did not read \(Self.events) events: \(output.suffix(500))")
            }
            millis.append(Double(ready - start) / 1e6)
            rss = max(rss, Double(values["rss"]?.first.flatMap { Int($0) } ?? 0) / 1024)
        }
        return (millis, rss)
    }

    /// Child: opens the workspace on PostgreSQL and reports when its state was ready.
    /// With a second argument, this user's cache is that folder (where a snapshot may be).
    static func child(_ arguments: [String]) throws {
        var environment = PostgresFixtures.environment
        if arguments.count > 1 { environment["XDG_CACHE_HOME"] = arguments[1] }
        let store = try PostgresWorkspaceStore.open(try PostgresLocation(url: arguments[0]), environment: environment)
        let ready = nowNanos()
        if let reason = store.readOnlyReason { fatalError("the open ended read-only: \(reason)") }
        print("ready \(ready)\nrss \(peakRSSKilobytes())\nevents \(store.lastSequence)")
    }
}
