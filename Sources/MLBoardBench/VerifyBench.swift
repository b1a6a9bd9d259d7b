import BoardStore
import Foundation

/// `mlboard verify` as a person runs it, on the demo (`--size 100`, unsigned) padded with
/// comments: wall time and the process's peak resident memory (GNU time's maximum resident set
/// size), which must not follow the journal's length.
enum VerifyBench {
    static func run(quick: Bool) throws {
        let sizes: [Int64] = quick ? [100_000] : [100_000, 1_000_000]
        let repeats = 3
        var table = Table(
            title: "Verify: `mlboard verify --json` in its own process (\(repeats) runs each; journal = demo --size 100 padded with comments)",
            header: ["events", "journal MB", "median s", "slowest s", "peak RSS MB (highest run)"])
        for events in sizes {
            let scratch = Scratch("verify")
            defer { scratch.remove() }
            let directory = DataDirectory(scratch.url("demo"))
            Fixtures.demo(at: directory, size: 100, scratch: scratch)
            try Fixtures.pad(directory, toEvents: events, scratch: scratch)
            let environment = Fixtures.environment(scratch)
            var seconds: [Double] = []
            var peakKilobytes = 0
            for _ in 0..<repeats {
                let usage = scratch.url("time.txt").path
                let start = nowNanos()
                let (status, output) = Child.spawn(
                    "/usr/bin/time", ["-o", usage, "-f", "%M", mlboardPath, "verify", "--json", "--dir", directory.path],
                    environment: environment
                ).wait()
                seconds.append(Double(nowNanos() - start) / 1e9)
                precondition(status == 0, "verify failed (\(status)): \(output.prefix(2_000))")
                let lastLine = (try? String(contentsOfFile: usage, encoding: .utf8))?.split(separator: "\n").last ?? ""
                peakKilobytes = max(peakKilobytes, Int(lastLine) ?? 0)
            }
            let journalBytes = (try? FileManager.default.attributesOfItem(atPath: directory.journalURL.path)[.size] as? Int) ?? 0
            let samples = Samples(seconds)
            table.add(["\(events)", fmt(Double(journalBytes) / 1e6), fmt(samples.median, 2), fmt(samples.sorted.last ?? 0, 2),
                       fmt(Double(peakKilobytes) / 1024, 1)])
        }
        table.print()
    }
}
