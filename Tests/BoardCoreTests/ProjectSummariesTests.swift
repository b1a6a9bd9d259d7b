import Foundation
import Testing
@testable import BoardCore
import BoardDemo

@Suite("Summaries of all projects in one pass")
struct ProjectSummariesTests {
    @Test("liveSummaries agrees with summary(of:) for every live project of the demo")
    func agreesWithSingleSummaries() {
        let state = DemoWorkspace.build().state
        let now = DemoWorkspace.now
        let all = state.liveSummaries(now: now).sorted { $0.slug < $1.slug }
        let one = state.liveProjects.compactMap { state.summary(of: $0.slug, now: now) }
        #expect(all.count == state.liveProjects.count)
        #expect(all == one)
    }
}

@Suite("Instants as text")
struct InstantTextTests {
    @Test("iso8601 agrees with Foundation's formatter, before and after 1970 and across leap days")
    func agreesWithFoundation() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        for millis: Int64 in [0, 1, 999, -1, -86_400_001, 951_782_400_000, 1_709_164_800_123, 1_764_119_690_000, 4_102_444_799_000, -2_208_988_800_000] {
            let instant = Instant(millis: millis)
            #expect(instant.iso8601 == formatter.string(from: instant.date), "\(millis)")
        }
    }
}
