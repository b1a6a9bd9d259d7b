import BoardCore
import Foundation
import Testing
@testable import BoardTUI

/// Tables share their width: cut columns get the spare, the least important go first when narrow,
/// and nothing is drawn over a header or a border.
@Suite("Columns use the width they are given")
struct ColumnLayoutTests {
    init() { _ = UTF8Locale.ready }

    static func frame(_ pane: Pane, _ width: Int, _ height: Int) -> CellBuffer {
        let (dashboard, _) = DemoDashboard.make()
        dashboard.switchPane(to: pane)
        return dashboard.render(width: width, height: height)
    }

    /// The row of column titles: the first row inside the pane's frame.
    static func headerRow(_ buffer: CellBuffer) -> String { buffer.line(3) }

    @Test("at 80x24 Challenges keeps its Title, Approvals its Age and Reason")
    func narrowKeepsImportantColumns() {
        #expect(ColumnLayoutTests.headerRow(ColumnLayoutTests.frame(.challenges, 80, 24)).contains("Title"))
        let approvals = ColumnLayoutTests.headerRow(ColumnLayoutTests.frame(.approvals, 80, 24))
        #expect(approvals.contains("Age") && approvals.contains("Reason"), "\(approvals)")
    }

    @Test("at 200 columns no column is cut while spare width lies blank")
    func wideCutsNothing() {
        let projects = ColumnLayoutTests.frame(.projects, 200, 60).text
        #expect(projects.contains("8/10 model monitoring and maintenance"))
        let team = ColumnLayoutTests.frame(.team, 200, 60).text
        #expect(team.contains("compliance / risk officer"))
        let approvals = ColumnLayoutTests.frame(.approvals, 200, 60).text
        #expect(approvals.contains("priya-raman"))
    }

    @Test("the position indicator never covers a column title", arguments: [Pane.projects, .challenges, .activity, .team, .approvals])
    func indicatorLeavesHeadersAlone(pane: Pane) {
        for (width, height) in [(80, 24), (200, 60)] {
            let header = ColumnLayoutTests.headerRow(ColumnLayoutTests.frame(pane, width, height))
            #expect(header.range(of: #"\d+-\d+/\d+"#, options: .regularExpression) == nil, "\(pane) at \(width): \(header)")
        }
        let text = ColumnLayoutTests.frame(.challenges, 80, 24).text
        #expect(text.range(of: #"\d+-\d+/25"#, options: .regularExpression) != nil, "the indicator is still shown")
    }

    @Test("no pane draws over its right border", arguments: Pane.allCases)
    func bordersStay(pane: Pane) {
        for (width, height) in [(80, 24), (120, 40), (200, 60)] {
            let buffer = ColumnLayoutTests.frame(pane, width, height)
            for y in 2..<(height - 2) {
                let line = Array(buffer.line(y))
                guard let last = line.last else { continue }
                #expect("│┐┘".contains(last), "\(pane) at \(width)x\(height), row \(y): \(String(line))")
            }
        }
    }

    @Test("the Models board at 80 columns shows every card's version number")
    func modelVersionsShown() {
        let text = ColumnLayoutTests.frame(.models, 80, 24).text
        let state = DemoDashboard.built.state
        let shown = state.versions.values.filter { text.contains("\($0.ref.model)") || text.contains(String($0.ref.model.prefix(8))) }
        #expect(!shown.isEmpty)
        let titles = text.split(separator: "\n").flatMap { $0.split(separator: "│") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { title in state.models.keys.contains { title.hasPrefix(String($0.prefix(6))) } }
        #expect(!titles.isEmpty)
        for title in titles {
            #expect(title.range(of: #" v\d+"#, options: .regularExpression) != nil, "card title without a version: \(title)")
        }
    }
}
