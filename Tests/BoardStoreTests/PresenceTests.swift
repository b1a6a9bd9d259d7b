import TestSupport
import BoardStore
import Foundation
import Testing

@Suite("Who has the dashboard open")
struct PresenceTests {
    @Test("a heartbeat shows to others; leaving or going stale for over 30 s removes it")
    func presence() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        let ann = Presence(directory: workspace.directory, handle: "ann")
        let bob = Presence(directory: workspace.directory, handle: "bob")
        ann.heartbeat()
        bob.heartbeat()
        #expect(ann.others() == ["bob"])
        #expect(bob.others() == ["ann"])
        #expect(ann.others(now: Date().addingTimeInterval(Presence.staleAfter + 5)) == [], "a crashed dashboard fades out")
        bob.leave()
        #expect(ann.others() == [])
    }
}
