import BoardCore
import BoardDemo
import Testing
@testable import BoardTUI

/// The RACI matrix names its columns so that nobody shares a label, says who the cursor's
/// column is, and shows the project chosen in Projects or with `:project`.
@Suite("The RACI matrix")
struct MatrixTests {
    @Test("a label is the shortest prefix no other handle starts with, at least three letters, never ending on a dash")
    func uniquePrefixes() {
        let handles = ["aisha-khan", "aishani-das", "aishwarya-rao", "li-wei", "bo", "bob-stone"]
        #expect(MatrixHeaders.uniquePrefixes(of: handles) == ["aisha-k", "aishan", "aishw", "li-w", "bo", "bob"])
    }

    @Test("in a big team with handles alike, every column label at 80x24 belongs to one person alone")
    func bigTeamLabelsAreUnique() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        for (handle, name) in [("aisha-khan", "Aisha Khan"), ("aishani-das", "Aishani Das"), ("aishwarya-rao", "Aishwarya Rao")] {
            try workspace.run(.addStakeholder(Stakeholder(handle: handle, name: name, role: "data scientist")), now: DemoWorkspace.now)
        }
        DemoDashboard.press(dashboard, .character("3"), .character("m"))
        let labels = try Self.headerLabels(dashboard.render(width: 80, height: 24))
        let handles = dashboard.matrixPeople.map(\.handle)
        #expect(labels.count >= 3, "labels: \(labels)")
        #expect(Set(labels).count == labels.count, "no label twice: \(labels)")
        for label in labels {
            #expect(handles.filter { $0.hasPrefix(label) }.count == 1, "'\(label)' names one person alone")
        }
        #expect(labels.prefix(3) == ["aisha-k", "aishan", "aishw"])
    }

    @Test("where they fit, the columns carry the whole handles")
    func fullHandlesWhereTheyFit() throws {
        let (dashboard, _) = DemoDashboard.make()
        dashboard.handle(.character("3"))
        let labels = try Self.headerLabels(dashboard.render(width: 200, height: 60))
        #expect(labels == dashboard.matrixPeople.map(\.handle))
    }

    @Test("a line names the person in the cursor's column: name, handle, role and part in the step")
    func personUnderCursor() throws {
        let (dashboard, _) = DemoDashboard.make()
        DemoDashboard.press(dashboard, .character("3"), .character("m"), .character("l"), .character("j"))
        let person = try #require(dashboard.matrixPeople[safe: 1])
        let screen = dashboard.render(width: 120, height: 40).text
        #expect(screen.contains("\(person.name) (\(person.handle)), \(person.role)"), "\(screen)")
        let step = dashboard.state.config.lifecycleSteps[1]
        #expect(screen.contains("for '\(step)'") || screen.contains("no part in '\(step)'"))
    }

    @Test("moving past the last column shown brings the cursor's column into view")
    func columnsScroll() throws {
        let (dashboard, _) = DemoDashboard.make()
        DemoDashboard.press(dashboard, .character("3"), .character("m"))
        for _ in 0..<20 { dashboard.handle(.character("l")) }
        let last = try #require(dashboard.matrixPeople.last)
        let buffer = dashboard.render(width: 80, height: 24)
        let labels = try Self.headerLabels(buffer)
        #expect(labels.last.map(last.handle.hasPrefix) == true, "the last person's column is shown: \(labels)")
        #expect(buffer.text.contains("(\(last.handle))"))
    }

    @Test(":project SLUG chooses the matrix's project")
    func commandLineChoosesProject() throws {
        let (dashboard, _) = DemoDashboard.make()
        let slug = try #require(dashboard.state.liveProjects.map(\.slug).sorted().last)
        #expect(dashboard.matrixProjectSlug != slug)
        dashboard.handle(.character(":"))
        DemoDashboard.type(dashboard, "project \(slug)")
        DemoDashboard.press(dashboard, .enter, .escape, .character("3"))
        #expect(dashboard.matrixProjectSlug == slug)
        let name = try #require(dashboard.state.projects[slug]?.name)
        #expect(dashboard.render(width: 200, height: 60).text.contains("RACI matrix: \(name)"))
    }

    @Test("the project selected in Projects is the matrix's project; [ and ] still choose another")
    func projectsSelectionChoosesProject() throws {
        let (dashboard, _) = DemoDashboard.make()
        DemoDashboard.press(dashboard, .character("2"), .character("j"), .character("j"), .character("j"))
        let selected = try #require(dashboard.selectedProject?.slug)
        dashboard.handle(.character("3"))
        #expect(dashboard.matrixProjectSlug == selected)
        try dashboard.workspace.run(.archiveProject(slug: try #require(dashboard.rows.projects.last?.slug)), now: DemoWorkspace.now)
        DemoDashboard.press(dashboard, .character("2"), .character("v"), .character("3"))
        #expect(dashboard.matrixProjectSlug == selected, "browsing archived projects leaves the matrix on the live one")
        dashboard.handle(.character("]"))
        #expect(dashboard.matrixProjectSlug != selected)
    }

    /// The handles row of the matrix: the row under its title, cut into words.
    static func headerLabels(_ buffer: CellBuffer) throws -> [String] {
        let rows = (0..<buffer.height).map(buffer.line)
        let title = try #require(rows.firstIndex { $0.contains("RACI matrix") }, "no matrix on screen")
        return rows[title + 1].split(separator: "│").first.map { $0.split(separator: " ").map(String.init) } ?? []
    }
}
