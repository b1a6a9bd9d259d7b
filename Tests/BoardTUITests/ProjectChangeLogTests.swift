import BoardCore
import BoardDemo
import Testing
@testable import BoardTUI

@Suite("The change log answers only for runs of events it saw whole")
struct ProjectChangeLogTests {
    private func record(_ sequence: Int64, _ event: Event) -> EventRecord {
        EventRecord(sequence: sequence, at: DemoWorkspace.now, actor: Actor(handle: "lead", osUser: "test"), event: event)
    }

    @Test("projects changed by the noted events in a range; nil for a range it did not see whole")
    func ranges() {
        let log = ProjectChangeLog()
        log.note([record(11, .projectStepSet(slug: "a", step: "x")), record(12, .stakeholderDeactivated(handle: "h")),
                  record(13, .projectArchived(slug: "b"))])
        #expect(log.projectsChanged(after: 10, through: 13) == ["a", "b"])
        #expect(log.projectsChanged(after: 11, through: 12) == [])
        #expect(log.projectsChanged(after: 12, through: 13) == ["b"])
        #expect(log.projectsChanged(after: 9, through: 13) == nil, "event 10 was not noted")
        #expect(log.projectsChanged(after: 10, through: 14) == nil, "event 14 was not noted")
        log.note([record(15, .projectStepSet(slug: "c", step: "y"))])
        #expect(log.projectsChanged(after: 12, through: 15) == nil, "event 14 is missing")
        #expect(log.projectsChanged(after: 14, through: 15) == ["c"])
    }

    @Test("a full log forgets its oldest events")
    func capacity() {
        let log = ProjectChangeLog(capacity: 8)
        log.note((1...20).map { record(Int64($0), .projectStepSet(slug: "p\($0)", step: "x")) })
        #expect(log.projectsChanged(after: 0, through: 20) == nil)
        #expect(log.projectsChanged(after: 18, through: 20) == ["p19", "p20"])
    }
}
