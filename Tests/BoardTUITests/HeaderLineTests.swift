import BoardCore
import BoardDemo
import Testing
@testable import BoardTUI

/// Who else is here and the sync state stay in the header; the workspace and your role give way.
@Suite("The header at any width")
struct HeaderLineTests {
    @Test("at 120 columns, with three others here, every one of them, you and the sync state show")
    func presenceKept() {
        let (dashboard, _) = DemoDashboard.make()
        dashboard.othersPresent = ["jonas-weber", "rosa-delgado", "priya-raman"]
        dashboard.lastRemoteChange = DemoWorkspace.now
        let top = dashboard.render(width: 120, height: 40).line(0)
        #expect(top.contains("also here: jonas-weber, rosa-delgado, priya-raman"), "\(top)")
        #expect(top.contains("live · last change 0s ago"), "\(top)")
        #expect(top.contains(DemoWorkspace.leadHandle), "you are still named: \(top)")
    }

    @Test("at 80 columns the others are named as far as they fit and counted, beside the sync state")
    func presenceAtEighty() {
        let (dashboard, _) = DemoDashboard.make()
        dashboard.othersPresent = ["jonas-weber", "rosa-delgado", "priya-raman"]
        dashboard.lastRemoteChange = DemoWorkspace.now
        let top = dashboard.render(width: 80, height: 24).line(0)
        #expect(top.contains("also here: jonas-weber, rosa-delgado +1"), "\(top)")
        #expect(top.contains("live · last change 0s ago"), "\(top)")
        #expect(DisplayWidth.of(top) == 80)
    }

    @Test("the role goes first, then the workspace name is cut")
    func whatGivesWay() {
        let line = HeaderLine(workspace: "Northwind data science (demo)",
                              you: ["Amara Okafor (amara-okafor, data-science lead, lead)", "Amara Okafor (amara-okafor, lead)", "amara-okafor"],
                              othersPresent: ["jonas-weber"], sync: "live")
        #expect(line.fitted(in: 200).left == "Northwind data science (demo) · Amara Okafor (amara-okafor, data-science lead, lead) · also here: jonas-weber")
        #expect(line.fitted(in: 100).left == "Northwind data science (demo) · Amara Okafor (amara-okafor, lead) · also here: jonas-weber")
        let narrow = line.fitted(in: 60).left
        #expect(narrow.hasSuffix(" · amara-okafor · also here: jonas-weber"), "\(narrow)")
        #expect(narrow.hasPrefix("Northw") && narrow.contains("…"), "\(narrow)")
        #expect(DisplayWidth.of(narrow) <= 60 - 4 - 2)
    }

    @Test("with more people than fit, as many as fit are named and the rest counted")
    func manyOthers() {
        let others = (1...12).map { "person-number-\($0)" }
        let line = HeaderLine(workspace: "W", you: ["me"], othersPresent: others, sync: "live").fitted(in: 70)
        #expect(line.left.contains("also here: person-number-1"))
        #expect(line.left.range(of: #"\+\d+$"#, options: .regularExpression) != nil, "\(line.left)")
        #expect(DisplayWidth.of(line.left) <= 70 - 4 - 2)
        #expect(line.sync == "live")
    }
}
