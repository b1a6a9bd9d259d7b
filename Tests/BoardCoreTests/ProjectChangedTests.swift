import Testing
@testable import BoardCore
import BoardDemo

@Suite("Event.projectChanged names the only project an event changes")
struct ProjectChangedTests {
    @Test("over the demo's events, applying each changes the projects at most at the slug it names")
    func demoEvents() {
        let (records, _) = DemoWorkspace.build(projects: 60)
        var state = BoardState(config: DemoWorkspace.config)
        var named = 0
        for record in records {
            let before = state.projects
            apply(record, to: &state)
            let changed = state.projects.keysChanged(since: before, limit: .max) ?? []
            #expect(changed.isSubset(of: record.event.projectChanged.map { [$0] } ?? []), "\(record.event)")
            if record.event.projectChanged != nil { named += 1 }
        }
        #expect(named > 60, "the demo creates, moves and archives projects")
    }
}
