import BoardCore
import BoardDemo
import Testing
@testable import BoardTUI

@Suite("Each pane renders the demo workspace into a buffer")
struct PaneRenderTests {
    static let sizes = [(80, 24), (160, 48)]

    @Test("every pane at 80x24 and 160x48 shows its content with aligned rows", arguments: Pane.allCases)
    func panes(pane: Pane) {
        for (width, height) in PaneRenderTests.sizes {
            let (dashboard, _) = DemoDashboard.make()
            dashboard.switchPane(to: pane)
            let buffer = dashboard.render(width: width, height: height)
            #expect(buffer.rowsAreAligned, "\(pane) at \(width)x\(height) has a row of the wrong width")
            let text = buffer.text
            #expect(text.contains("\(pane.rawValue) \(pane.title)"))
            for expected in PaneRenderTests.expectations(pane) {
                #expect(text.contains(expected), "\(pane) at \(width)x\(height) lacks '\(expected)'")
            }
        }
    }

    static func expectations(_ pane: Pane) -> [String] {
        let state = DemoDashboard.built.state
        switch pane {
        case .overview: return ["Projects by lifecycle step", "Models with a version in production", "Overdue retraining", "Pending approvals"]
        case .projects: return ["Projects (\(state.liveProjects.count))", "Customer churn prediction", "問い合わせ"]
        case .team: return ["Stakeholders (\(state.stakeholders.count))", "RACI matrix", "Amara Okafor"]
        case .models: return state.config.stages.map { "\($0) (" }
        case .challenges: return ["Challenges (", "Open challenges by category", "CH-"]
        case .approvals: return ["Approvals: \(state.requestsAwaiting(DemoWorkspace.leadHandle).count) waiting for you", "PR-"]
        case .activity: return ["Activity (live)", "#"]
        }
    }

    @Test("CJK names keep the projects table aligned")
    func cjkAlignment() {
        let (dashboard, _) = DemoDashboard.make()
        dashboard.switchPane(to: .projects)
        let buffer = dashboard.render(width: 160, height: 48)
        let rows = (0..<buffer.height).map(buffer.line).filter { $0.contains("問い合わせ") || $0.contains("Customer churn") }
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { DisplayWidth.of($0) == 160 })
        let stepPositions = rows.compactMap { row -> Int? in
            guard let range = row.range(of: "/10 ") else { return nil }
            return DisplayWidth.of(String(row[..<range.lowerBound]))
        }
        #expect(stepPositions.count == 2)
        #expect(stepPositions[0] == stepPositions[1], "the step column starts at the same column in both rows")
    }

    @Test("below 80x24 a notice says the terminal is too small; down to 1x1 nothing breaks")
    func tooSmall() {
        let (dashboard, _) = DemoDashboard.make()
        #expect(dashboard.render(width: 79, height: 30).text.contains("terminal too small"))
        for (width, height) in [(1, 1), (0, 0), (5, 2), (40, 10)] {
            let buffer = dashboard.render(width: width, height: height)
            #expect(buffer.width == max(0, width) && buffer.height == max(0, height))
        }
    }

    @Test("the header names the workspace, who you are, and who else is here")
    func header() {
        let (dashboard, _) = DemoDashboard.make()
        dashboard.othersPresent = ["jonas-weber"]
        let top = dashboard.render(width: 160, height: 48).line(0)
        #expect(top.contains(DemoDashboard.built.state.config.name))
        #expect(top.contains(DemoWorkspace.leadHandle))
        #expect(top.contains("also here: jonas-weber"))
    }
}
