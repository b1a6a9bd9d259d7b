import TestSupport
import BoardCore
import BoardDemo
@testable import BoardStore
import Foundation
import Testing

/// A plan of more than a chunk (an import, the demo) is decided a chunk at a time while the lines
/// of the chunks before are chained and written; what lands must be what deciding it first gives.
@Suite("A large plan is decided while its first lines are written")
struct BatchExecuteTests {
    @Test("the demo's plan for 100 projects writes the lines and leaves the state that deciding it all first gives")
    func sameAsDecidedFirst() throws {
        let scratch = try TestWorkspace()
        defer { scratch.cleanUp() }
        let directory = DataDirectory(scratch.root.appendingPathComponent("demo"))
        let store = try WorkspaceStore.create(at: directory, config: DemoWorkspace.config, environment: scratch.environment)
        let plan = DemoWorkspace.script(projects: 100).map { PlannedCommand($0.command, as: $0.actor, at: $0.at) }
        #expect(plan.count > 4 * JournalLine.linesPerChunk)
        let before = store.position
        let expected = try DecisionLoop.run(plan, from: store.state).get()
        let expectedLines = try JournalLine.encode(expected.records, after: before.hash).bytes

        let written = try store.execute(plan)
        // Compared as Bools: a failed comparison of values this large would have the test
        // library work out their difference for minutes.
        let sameEvents = written.map { $0.event } == expected.records.map { $0.event }
        #expect(sameEvents, "\(written.count) records against \(expected.records.count)")
        let journal = [UInt8](FileManager.default.contents(atPath: directory.journalURL.path) ?? Data())
        let sameLines = Array(journal[Int(before.offset)...].prefix(expectedLines.count)) == expectedLines
        #expect(sameLines)
        #expect(journal[Int(before.offset) + expectedLines.count ..< journal.count].allSatisfy { $0 == 0 }, "nothing after the lines but the reserve")
        let (sameState, sameReopened) = (store.state == expected.state,
                                         try WorkspaceStore.open(directory, environment: scratch.environment).state == expected.state)
        #expect(sameState)
        #expect(sameReopened)
    }

    @Test("a refusal late in a large plan writes nothing")
    func lateRefusal() throws {
        let scratch = try TestWorkspace()
        defer { scratch.cleanUp() }
        let store = try scratch.open()
        let before = (store.position, scratch.journalBytes)
        var plan = (0..<1_500).map { index in
            PlannedCommand(.comment(on: .project(TestWorkspace.project), body: "comment \(index)"), as: TestWorkspace.lead,
                           at: Instant(millis: 5_000 + Int64(index)))
        }
        plan[1_400] = PlannedCommand(.comment(on: .project("no-such-project"), body: "refused"), as: TestWorkspace.lead, at: Instant(millis: 9_000))
        #expect(throws: RuleViolation.self) { try store.execute(plan) }
        #expect(store.position == before.0)
        #expect(scratch.journalBytes == before.1)
        #expect(try scratch.open().state.lastSequence == before.0.sequence)
    }
}
