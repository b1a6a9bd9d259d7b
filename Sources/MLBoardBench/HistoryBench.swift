import BoardCore
import BoardStore
import BoardTUI
import Foundation

/// (h) History on demand: what a command costs as the journal grows, at the demo's size, at
/// 100k and at 1M events (demo --size 100, then 80% comments and 20% project edits), and at 1M
/// events signed. The
/// real binary's `status --json` and `comment` (wall time of the process, peak RSS by
/// /usr/bin/time), and the dashboard's first frame (a child process from start to its first
/// 200x60 frame), then one project's comments read on demand, cold (index and lines) and again.
enum HistoryBench {
    static func run(quick: Bool) throws {
        let samples = quick ? 10 : 50
        var table = Table(
            title: "History on demand: cost by journal length (\(samples) runs each; wall time of the process, peak RSS of the process)",
            header: ["events", "journal MB", "snapshot KB", "index KB", "status p50 ms", "p99 ms", "RSS MB",
                     "comment p50 ms", "p99 ms", "RSS MB", "first frame p50 ms", "p99 ms", "RSS MB",
                     "one project's comments", "cold read ms", "warm ms"])
        // The last row is a signed workspace: every line signed with its author's Ed25519 key and
        // signatures required, so opening checks the signatures of the lines after the snapshot
        // and each comment is signed with the lead's key file.
        let cases: [(events: Int64, signed: Bool)] = quick
            ? [(0, false), (100_000, false)] : [(0, false), (100_000, false), (1_000_000, false), (1_000_000, true)]
        for (events, signed) in cases {
            let scratch = Scratch("history")
            defer { scratch.remove() }
            let directory = DataDirectory(scratch.url("demo"))
            let built = nowNanos()
            var signingKey: [String] = []
            if events == 0 {
                let child = Child.spawn(mlboardPath, ["demo", "--no-tui", "--dir", directory.path, "--signatures", "off"],
                                        environment: Fixtures.environment(scratch))
                precondition(child.wait().status == 0, "mlboard demo failed")
                try WorkspaceStore.open(directory, environment: Fixtures.environment(scratch)).writeSnapshot()
            } else if signed {
                let demo = try SignedDemo(at: directory, size: 100, scratch: scratch)
                try pad(directory, toEvents: events, scratch: scratch, signers: demo.keyFolder)
                signingKey = ["--key", demo.leadKey.path]
            } else {
                Fixtures.demo(at: directory, size: 100, scratch: scratch)
                try pad(directory, toEvents: events, scratch: scratch)
            }
            let buildSeconds = Double(nowNanos() - built) / 1e9
            let env = Fixtures.environment(scratch)
            let cache = SnapshotCache.url(for: directory, environment: env)
            let status = timed(samples: samples, env: env) { ["status", "--json", "--dir", directory.path] }
            var written = 0
            let comment = timed(samples: samples, env: env) {
                written += 1
                return ["comment", "--project", Fixtures.project, "--dir", directory.path] + signingKey + ["measured comment \(written)"]
            }
            let frames = (0..<samples).map { _ in firstFrame(directory, env: env) }
            let frameMillis = Samples(frames.map(\.millis))
            let last = frames.last!
            table.add([
                "\(events == 0 ? "demo " : "")\(last.events)\(signed ? " signed" : "")", fmt(megabytes(directory.journalURL), 1),
                fmt(megabytes(cache) * 1000, 0), fmt(megabytes(cache.deletingLastPathComponent().appendingPathComponent("comment-index.bin")) * 1000, 0),
                fmt(status.millis.median, 1), fmt(status.millis.p99, 1), fmt(status.rssMB, 1),
                fmt(comment.millis.median, 1), fmt(comment.millis.p99, 1), fmt(comment.rssMB, 1),
                fmt(frameMillis.median, 1), fmt(frameMillis.p99, 1), fmt(frames.map(\.rssMB).max() ?? 0, 1),
                "\(last.thread)", fmt(last.coldMillis, 1), fmt(last.warmMillis, 2),
            ])
            print("(\(last.events) events built in \(fmt(buildSeconds, 1)) s)")
            fflush(nil)
        }
        table.print()
    }

    /// demo --size 100 grown to `events`: four comments for each project edit, spread over the projects.
    static func pad(_ directory: DataDirectory, toEvents events: Int64, scratch: Scratch, signers: SignerSource? = nil) throws {
        let store = try WorkspaceStore.open(directory, environment: Fixtures.environment(scratch))
        store.signers = signers
        let slugs = store.state.projects.values.filter { !$0.archived }.map(\.slug).sorted()
        var index = 0
        while store.state.lastSequence < events {
            let batch = Int(min(5_000, events - store.state.lastSequence))
            let at = Instant(Date())
            let plan = (0..<batch).map { offset in
                let number = index + offset
                let slug = slugs[number % slugs.count]
                let command: Command = number % 5 == 4
                    ? .editProject(slug: slug, ProjectEdit(description: "edited for the history benchmark, \(number)"))
                    : .comment(on: .project(slug), body: "history benchmark comment \(number): a sentence or two of what a reviewer says")
                return PlannedCommand(command, as: Fixtures.actor, at: at)
            }
            try store.execute(plan)
            index += batch
        }
        try store.writeSnapshot()
    }

    /// Runs mlboard `samples` times under /usr/bin/time; wall milliseconds and the largest peak RSS.
    static func timed(samples: Int, env: [String: String], _ arguments: () -> [String]) -> (millis: Samples, rssMB: Double) {
        var millis: [Double] = []
        var rss = 0.0
        let rssFile = NSTemporaryDirectory() + "mlboard-bench-rss-\(UUID().uuidString)"
        defer { unlink(rssFile) }
        for _ in 0..<samples {
            let start = nowNanos()
            let (status, output) = Child.spawn("/usr/bin/time", ["-f", "%M", "-o", rssFile, mlboardPath] + arguments(), environment: env).wait()
            millis.append(Double(nowNanos() - start) / 1e6)
            precondition(status == 0, "mlboard failed: \(output)")
            let kilobytes = Double((try? String(contentsOfFile: rssFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
            rss = max(rss, kilobytes / 1024)
        }
        return (Samples(millis), rss)
    }

    struct FirstFrame {
        var millis: Double
        var rssMB: Double
        var events: Int64
        var thread: Int
        var coldMillis: Double
        var warmMillis: Double
    }

    static func firstFrame(_ directory: DataDirectory, env: [String: String]) -> FirstFrame {
        let start = nowNanos()
        let (status, output) = Child.spawn(selfPath, ["child-first-frame", directory.path], environment: env).wait()
        precondition(status == 0, "first frame failed: \(output)")
        let values = parseChild(output)
        func number(_ key: String) -> Double { Double(values[key]![0])! }
        return FirstFrame(
            millis: (number("frame") - Double(start)) / 1e6, rssMB: number("rss") / 1024, events: Int64(number("events")),
            thread: Int(number("thread")), coldMillis: number("cold") / 1e6, warmMillis: number("warm") / 1e6)
    }

    /// Child: opens the workspace as the dashboard does and draws its first frame; then reads
    /// the comments on the benchmark's project, once cold and once again.
    static func childFirstFrame(_ arguments: [String]) throws {
        let store = try WorkspaceStore.open(DataDirectory(URL(fileURLWithPath: arguments[0])))
        let dashboard = Dashboard(workspace: StoreWorkspace(store: store, me: Fixtures.actor))
        let buffer = dashboard.render(width: 200, height: 60)
        let frame = nowNanos()
        precondition(buffer.width == 200)
        let coldStart = nowNanos()
        let thread = try store.comments(on: .project(Fixtures.project))
        let cold = nowNanos() - coldStart
        let warmStart = nowNanos()
        _ = try store.comments(on: .project(Fixtures.project))
        let warm = nowNanos() - warmStart
        print("frame \(frame)\nrss \(peakRSSKilobytes())\nevents \(store.state.lastSequence)\nthread \(thread.count)\ncold \(cold)\nwarm \(warm)")
    }

    private static func megabytes(_ url: URL) -> Double {
        Double((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0) / 1e6
    }
}
