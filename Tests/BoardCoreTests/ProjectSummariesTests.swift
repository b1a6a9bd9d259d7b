import Testing
@testable import BoardCore

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
