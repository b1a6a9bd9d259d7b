import BoardCore
import BoardDemo
import BoardStore
import BoardTUI
import Foundation

/// (e) Laying out and drawing each pane into a 200x60 cell buffer, on a large workspace: the
/// steady frame (nothing changed since the last one, as after a cursor key) and the first frame
/// after a change arrived (a comment; a project moved to another step), since both are frames a
/// person waits for.
enum FrameBench {
    static func run(projects: Int) throws {
        let build = nowNanos()
        var (records, state) = DemoWorkspace.build(projects: projects)
        let buildSeconds = Double(nowNanos() - build) / 1e9
        // Pad with comments to 100k events, applied directly (they passed `decide` in shape).
        let actor = Actor(handle: DemoWorkspace.leadHandle, osUser: "bench")
        let slugs = state.projects.keys.sorted()
        var sequence = state.lastSequence
        while sequence < 100_000 {
            sequence += 1
            let events = (try? decide(.comment(on: .project(slugs[Int(sequence) % slugs.count]), body: "frame padding \(sequence)"),
                                      state: state, actor: actor, now: DemoWorkspace.now).get()) ?? []
            for event in events { apply(EventRecord(sequence: sequence, at: DemoWorkspace.now, actor: actor, event: event), to: &state) }
        }
        _ = records.count
        records = []
        let workspace = MemoryWorkspace(state: state, me: actor)
        let dashboard = Dashboard(workspace: workspace, clock: { DemoWorkspace.now })
        // p99 needs at least 50 samples to be more than the slowest frame, in quick mode too.
        let repeats = 50
        var table = Table(
            title: "Frames: one pane drawn into a 200x60 cell buffer (\(state.projects.count) projects, \(state.lastSequence) events; demo built in \(fmt(buildSeconds, 1)) s; \(repeats) frames each)",
            header: ["pane", "steady median ms", "p99 ms", "after a comment median ms", "p99 ms", "after a step change median ms", "p99 ms"])
        var comments = 0
        // A change to a project, which every summary-based view is derived from.
        let steps = state.config.lifecycleSteps
        let moved = slugs.first { state.projects[$0]?.archived == false }!
        for pane in Pane.allCases {
            dashboard.ui.pane = pane
            _ = dashboard.render(width: 200, height: 60)
            let steady = Samples((0..<repeats).map { _ in timedFrame(dashboard) })
            let afterChange = Samples((0..<repeats).map { _ in
                comments += 1
                try? workspace.run(.comment(on: .project(slugs[comments % slugs.count]), body: "arrived live \(comments)"),
                                   now: DemoWorkspace.now)
                return timedFrame(dashboard)
            })
            let afterStepChange = Samples((0..<repeats).map { _ in
                let current = steps.firstIndex(of: workspace.state.projects[moved]!.step) ?? 0
                try? workspace.run(.setProjectStep(slug: moved, step: steps[(current + 1) % steps.count]), now: DemoWorkspace.now)
                return timedFrame(dashboard)
            })
            table.add(["\(pane.rawValue) \(pane.title)", fmtMillis(steady.median), fmtMillis(steady.p99),
                       fmtMillis(afterChange.median), fmtMillis(afterChange.p99),
                       fmtMillis(afterStepChange.median), fmtMillis(afterStepChange.p99)])
        }
        table.print()
        print("(\(repeats) frames a pane in each column, each timed alone; p99 is the nearest-rank 99th percentile)")
    }

    /// Microseconds to draw one frame.
    private static func timedFrame(_ dashboard: Dashboard) -> Double {
        let start = nowNanos()
        let buffer = dashboard.render(width: 200, height: 60)
        let micros = Double(nowNanos() - start) / 1000
        precondition(buffer.width == 200)
        return micros
    }
}
