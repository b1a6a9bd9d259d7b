import BoardCore
import BoardStore
import Foundation

/// From process start to a full in-memory state of a 100k-event workspace, unsigned and
/// signed: with this user's snapshot (nothing left to verify) and without it (every line's
/// signature verified during the replay). Measured as the open section measures.
enum SignedOpenBench {
    static func run(quick: Bool) throws {
        let repeats = quick ? 3 : 7
        let events = SignedVerifyBench.events
        let scratch = Scratch("signed-open")
        defer { scratch.remove() }
        let environment = Fixtures.environment(scratch)
        let unsigned = DataDirectory(scratch.url("unsigned"))
        Fixtures.demo(at: unsigned, size: 100, scratch: scratch)
        try Fixtures.pad(unsigned, toEvents: events, scratch: scratch)
        let signed = try SignedDemo(at: DataDirectory(scratch.url("signed")), size: 100, scratch: scratch)
        try Fixtures.pad(signed.directory, toEvents: events, scratch: scratch, signers: signed.keyFolder)

        var table = Table(
            title: "Open of \(events) events, signed and not: process start to full state (median of \(repeats) runs; "
                + "demo --size 100 padded with comments)",
            header: ["journal", "journal MB", "snapshot MB", "with snapshot ms", "peak RSS MB", "full replay ms", "peak RSS MB"])
        for (name, directory) in [("unsigned", unsigned), ("signed (ed25519)", signed.directory)] {
            // An unmeasured first open pins the root key, as any user's first open does.
            let (status, output) = Child.spawn(selfPath, ["child-open", directory.path], environment: environment).wait()
            precondition(status == 0 && parseChild(output)["events"] == ["\(events)"], "open of the \(name) workspace failed: \(output)")
            let withSnapshot = OpenBench.measure(directory, repeats: repeats, environment: environment)
            let snapshot = SnapshotCache.url(for: directory, environment: environment)
            let snapshotBytes = (try? FileManager.default.attributesOfItem(atPath: snapshot.path)[.size] as? Int) ?? 0
            try FileManager.default.removeItem(at: snapshot)
            let replay = OpenBench.measure(directory, repeats: repeats, environment: environment)
            let journalBytes = (try? FileManager.default.attributesOfItem(atPath: directory.journalURL.path)[.size] as? Int) ?? 0
            table.add([name, fmt(Double(journalBytes) / 1e6), fmt(Double(snapshotBytes) / 1e6),
                       fmt(withSnapshot.millis.median, 1), fmt(withSnapshot.rssMB, 1), fmt(replay.millis.median, 1), fmt(replay.rssMB, 1)])
        }
        table.print()
    }
}
