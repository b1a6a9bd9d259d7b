import BoardCore
import BoardStore
import Foundation

/// Full `WorkspaceStore.verify` (what `mlboard verify` runs: chain, checksums, every line's
/// signature against the keys registered before it, replay, snapshot agreement) of a 100k-line
/// journal, unsigned and signed, repeated; and of a 1M-line one outside --quick.
enum SignedVerifyBench {
    static let events: Int64 = 100_000

    static func run(quick: Bool) throws {
        try run(events: events, repeats: quick ? 3 : 5, signatureCosts: quick ? 2_000 : 10_000)
        if !quick { try run(events: 1_000_000, repeats: 3, signatureCosts: nil) }
    }

    /// Verifies an unsigned and a signed journal of `events` lines, then measures what one
    /// signature costs (`signatureCosts` times) with the signed one's lead key.
    private static func run(events: Int64, repeats: Int, signatureCosts: Int?) throws {
        let scratch = Scratch("signed-verify")
        defer { scratch.remove() }
        let environment = Fixtures.environment(scratch)
        let unsigned = DataDirectory(scratch.url("unsigned"))
        Fixtures.demo(at: unsigned, size: 100, scratch: scratch)
        try Fixtures.pad(unsigned, toEvents: events, scratch: scratch)
        let buildStart = nowNanos()
        let signed = try SignedDemo(at: DataDirectory(scratch.url("signed")), size: 100, scratch: scratch)
        try Fixtures.pad(signed.directory, toEvents: events, scratch: scratch, signers: signed.keyFolder)
        let buildSeconds = Double(nowNanos() - buildStart) / 1e9

        var table = Table(
            title: "Verify: full `mlboard verify` of \(events) lines in-process (median of \(repeats) runs; "
                + "demo --size 100 padded with comments; the signed one built in \(fmt(buildSeconds)) s)",
            header: ["journal", "lines", "verified", "MB", "median s", "min s", "max s", "lines/s"])
        for (name, directory) in [("unsigned", unsigned), ("signed (ed25519)", signed.directory)] {
            var seconds: [Double] = []
            var report: VerifyReport?
            for _ in 0..<repeats {
                let start = nowNanos()
                report = try WorkspaceStore.verify(directory, environment: environment)
                seconds.append(Double(nowNanos() - start) / 1e9)
            }
            guard let report, report.passed else { fatalError("verify of the \(name) journal failed: \(report?.problems ?? [])") }
            let times = Samples(seconds)
            let bytes = (try? FileManager.default.attributesOfItem(atPath: directory.journalURL.path)[.size] as? Int) ?? 0
            table.add([name, "\(report.events)", "\(report.signatures.verified)", fmt(Double(bytes) / 1e6),
                       fmt(times.median, 2), fmt(times.sorted.first ?? .nan, 2), fmt(times.sorted.last ?? .nan, 2),
                       fmt(Double(report.events) / times.median, 0)])
        }
        table.print()
        if let signatureCosts { try SignatureCost.run(key: signed.leadKey, count: signatureCosts) }
    }
}
