import BoardCore
import BoardDemo
import Testing
@testable import BoardTUI

/// The Activity pane lists every event since the journal began, not just those the state keeps.
@Suite("The whole activity history")
struct ActivityHistoryTests {
    @Test("G goes to the first event of all, and the count says how many there are")
    func bottomIsTheFirstEvent() {
        let (dashboard, _) = DemoDashboard.make()
        let total = DemoDashboard.built.records.count
        #expect(total > BoardState.activityLimit, "the demo has more events than the state keeps")
        DemoDashboard.press(dashboard, .character("7"), .character("G"))
        #expect(dashboard.ui.selected(.activity) == total - 1)
        let screen = dashboard.render(width: 120, height: 40).text
        #expect(screen.contains("/\(total)"), "the position shows the whole count:\n\(screen)")
        #expect(screen.contains("     1 "), "the first event's number is shown")
    }

    @Test("/ matches the # and When columns too")
    func filterMatchesNumberAndTime() throws {
        let (dashboard, _) = DemoDashboard.make()
        let records = DemoDashboard.built.records
        let old = try #require(records.first { $0.sequence == 17 })
        DemoDashboard.press(dashboard, .character("7"), .character("/"))
        DemoDashboard.type(dashboard, "#17")
        let numbered = dashboard.rows.activity.map(\.sequence)
        #expect(numbered.contains(17), "#17 finds event 17")
        #expect(numbered.allSatisfy { "#\($0)".hasPrefix("#17") }, "and only events whose number starts with 17: \(numbered)")
        dashboard.handle(.escape)
        dashboard.handle(.character("/"))
        DemoDashboard.type(dashboard, old.at.iso8601)
        let found = dashboard.rows.activity
        #expect(found.contains { $0.sequence == 17 }, "the time of event 17 finds it")
        #expect(found.allSatisfy { $0.at.iso8601 == old.at.iso8601 })
    }

    @Test("new events join the whole history at the top")
    func newEventsJoin() throws {
        let (dashboard, workspace) = DemoDashboard.make()
        dashboard.handle(.character("7"))
        let before = dashboard.rows.activity.count
        let project = try #require(workspace.state.projects.keys.sorted().first)
        try workspace.run(.comment(on: .project(project), body: "hello"), now: DemoWorkspace.now)
        #expect(dashboard.rows.activity.count == before + 1)
        #expect(dashboard.rows.activity.first?.sequence == workspace.state.lastSequence)
        #expect(dashboard.rows.activity.last?.sequence == 1)
    }

    @Test("a workspace that reads history on another thread keeps the input loop free, and the pane says it is reading")
    func readOffTheInputLoop() throws {
        let memory = MemoryWorkspace(
            state: DemoDashboard.built.state, me: Actor(handle: DemoWorkspace.leadHandle, osUser: "test"), records: DemoDashboard.built.records)
        let threaded = ThreadedHistory(memory)
        let dashboard = Dashboard(workspace: threaded, clock: { DemoWorkspace.now })
        #expect(dashboard.olderActivityToRead() == nil, "nothing to read until Activity shows")
        dashboard.handle(.character("7"))
        #expect(threaded.readsOnTheLoop == 0)
        let read = try #require(dashboard.olderActivityToRead())
        #expect(dashboard.olderActivityToRead() == nil, "one read at a time")
        #expect(dashboard.render(width: 120, height: 40).text.contains("reading older history"))
        #expect(dashboard.rows.activity.count == BoardState.activityLimit, "meanwhile the state's newest entries")
        dashboard.olderActivityArrived(Result { try read() })
        #expect(dashboard.rows.activity.count == DemoDashboard.built.records.count)
        #expect(!dashboard.render(width: 120, height: 40).text.contains("reading older history"))
        #expect(dashboard.olderActivityToRead() == nil, "read once")
    }
}

/// A workspace whose history is read through `activityHistoryReader`, as the store's is.
private final class ThreadedHistory: DashboardWorkspace {
    let memory: MemoryWorkspace
    private(set) var readsOnTheLoop = 0

    init(_ memory: MemoryWorkspace) { self.memory = memory }

    var state: BoardState { memory.state }
    var me: Actor { memory.me }
    var readOnlyReason: String? { nil }
    func run(_ command: Command, now: Instant) throws { try memory.run(command, now: now) }
    func comments(on target: CommentTarget) throws -> [BoardCore.Comment] { try memory.comments(on: target) }

    func activityHistory() throws -> [ActivityEntry] {
        readsOnTheLoop += 1
        return try memory.activityHistory()
    }

    func activityHistoryReader() -> (@Sendable () throws -> [ActivityEntry])? {
        let entries = DemoDashboard.built.records.map { ActivityEntry(sequence: $0.sequence, at: $0.at, actor: $0.actor.handle, summary: "") }
        return { entries }
    }
}
