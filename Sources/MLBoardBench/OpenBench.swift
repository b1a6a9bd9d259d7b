import BoardCore
import BoardStore
import Foundation

/// (c) From process start to a full in-memory state: with the snapshot, and with a full
/// replay of the journal, at 10k and 100k events; and the child's peak resident memory.
enum OpenBench {
    static func run(quick: Bool) throws {
        let repeats = quick ? 3 : 7
        var table = Table(
            title: "Open: process start to full state (median of \(repeats) runs; journal = demo --size 100 padded with comments)",
            header: ["events", "journal MB", "snapshot MB", "with snapshot ms", "peak RSS MB", "full replay ms", "peak RSS MB"])
        for events in [10_000, 100_000] as [Int64] {
            let scratch = Scratch("open")
            defer { scratch.remove() }
            let directory = DataDirectory(scratch.url("demo"))
            Fixtures.demo(at: directory, size: 100, scratch: scratch)
            try Fixtures.pad(directory, toEvents: events, scratch: scratch)
            let env = Fixtures.environment(scratch)
            let withSnapshot = measure(directory, repeats: repeats, environment: env)
            let snapshot = SnapshotCache.url(for: directory, environment: env)
            let snapshotBytes = (try? FileManager.default.attributesOfItem(atPath: snapshot.path)[.size] as? Int) ?? 0
            try FileManager.default.removeItem(at: snapshot)
            let replay = measure(directory, repeats: repeats, environment: env)
            let journalBytes = (try? FileManager.default.attributesOfItem(atPath: directory.journalURL.path)[.size] as? Int) ?? 0
            table.add(["\(events)", fmt(Double(journalBytes) / 1e6), fmt(Double(snapshotBytes) / 1e6),
                       fmt(withSnapshot.millis.median, 1), fmt(withSnapshot.rssMB, 1), fmt(replay.millis.median, 1), fmt(replay.rssMB, 1)])
        }
        table.print()
    }

    static func measure(_ directory: DataDirectory, repeats: Int, environment: [String: String]) -> (millis: Samples, rssMB: Double) {
        var millis: [Double] = []
        var rss = 0.0
        for _ in 0..<repeats {
            let start = nowNanos()
            let (status, output) = Child.spawn(selfPath, ["child-open", directory.path], environment: environment).wait()
            precondition(status == 0, "open failed: \(output)")
            let values = parseChild(output)
            let ready = UInt64(values["ready"]![0])!
            millis.append(Double(ready - start) / 1e6)
            rss = max(rss, Double(values["rss"]![0])! / 1024)
        }
        return (Samples(millis), rss)
    }

    /// Child: opens the workspace and reports when its state was ready and its peak memory.
    static func child(_ arguments: [String]) throws {
        let store = try WorkspaceStore.open(DataDirectory(URL(fileURLWithPath: arguments[0])))
        let ready = nowNanos()
        if let refused = store.refusedLine { fatalError("the open stopped at a refused line: \(refused.readOnlyReason)") }
        print("ready \(ready)\nrss \(peakRSSKilobytes())\nevents \(store.state.lastSequence)")
    }
}
