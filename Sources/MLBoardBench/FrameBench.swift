import BoardCore
import BoardStore
import BoardTUI
import Foundation

/// (e) Laying out and drawing each pane into a 200x60 cell buffer, on a large workspace.
enum FrameBench {
    static func run(quick: Bool, projects: Int) throws {
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
        let dashboard = Dashboard(workspace: MemoryWorkspace(state: state, me: actor), clock: { DemoWorkspace.now })
        let repeats = quick ? 5 : 30
        var table = Table(
            title: "Frames: one pane drawn into a 200x60 cell buffer (\(state.projects.count) projects, \(state.lastSequence) events; demo built in \(fmt(buildSeconds, 1)) s; \(repeats) frames each)",
            header: ["pane", "median ms", "p99 ms", "max ms"])
        for pane in Pane.allCases {
            dashboard.ui.pane = pane
            _ = dashboard.render(width: 200, height: 60)
            var samples: [Double] = []
            for _ in 0..<repeats {
                let start = nowNanos()
                let buffer = dashboard.render(width: 200, height: 60)
                samples.append(Double(nowNanos() - start) / 1000)
                precondition(buffer.width == 200)
            }
            let s = Samples(samples)
            table.add(["\(pane.rawValue) \(pane.title)", fmtMillis(s.median), fmtMillis(s.p99), fmtMillis(s.sorted.last ?? .nan)])
        }
        table.print()
    }
}
