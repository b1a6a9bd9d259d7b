import BoardCore
import BoardStore
import Dispatch
import Foundation
import TestSupport
import Testing

/// What every store must do, whatever holds its journal, checked through the protocol alone.
/// Each kind of store gives two openings of one workspace; a second kind (PostgreSQL) joins
/// `StoreKind.allCases` and runs the same tests.
@Suite("The store protocol's contract")
struct StoreContractTests {
    enum StoreKind: String, CaseIterable, CustomStringConvertible {
        case folder

        var description: String { rawValue }

        /// A workspace with a lead and a project, and a way to open it again.
        func workspace(name: String = #function) throws -> (open: () throws -> any WorkspaceStoring, cleanUp: () -> Void) {
            switch self {
            case .folder:
                let workspace = try TestWorkspace(name: name)
                return ({ try workspace.open() }, { workspace.cleanUp() })
            }
        }
    }

    private let lead = TestWorkspace.lead
    private func comment(_ body: String, at millis: Int64) -> PlannedCommand {
        PlannedCommand(.comment(on: .project(TestWorkspace.project), body: body), as: TestWorkspace.lead, at: Instant(millis: millis))
    }

    @Test("what one store writes, another reads on refresh, to the same state", arguments: StoreKind.allCases)
    func writesReachOtherStores(kind: StoreKind) throws {
        let (open, cleanUp) = try kind.workspace()
        defer { cleanUp() }
        let ann = try open()
        let bob = try open()
        let written = try ann.execute([comment("one", at: 5_000), comment("two", at: 5_001)])
        #expect(written.map(\.sequence) == [bob.lastSequence + 1, bob.lastSequence + 2])
        let read = try bob.refresh()
        #expect(read.map(\.event) == written.map(\.event))
        #expect(bob.state == ann.state && bob.lastSequence == ann.lastSequence)
    }

    @Test("a store behind the others catches up before it decides, and numbers after them", arguments: StoreKind.allCases)
    func aStoreBehindCatchesUp(kind: StoreKind) throws {
        let (open, cleanUp) = try kind.workspace()
        defer { cleanUp() }
        let ann = try open()
        let bob = try open()
        try ann.execute([comment("first", at: 5_000)])
        let written = try bob.execute([comment("second", at: 5_001)])
        #expect(written.first?.sequence == ann.lastSequence + 1)
        #expect(bob.state.counters.comments == 2, "bob decided against ann's comment too")
    }

    @Test("a plan with a refused command writes nothing", arguments: StoreKind.allCases)
    func aRefusedPlanWritesNothing(kind: StoreKind) throws {
        let (open, cleanUp) = try kind.workspace()
        defer { cleanUp() }
        let store = try open()
        let before = store.lastSequence
        let refused = PlannedCommand(.archiveProject(slug: "no-such-project"), as: lead, at: Instant(millis: 5_001))
        #expect(throws: RuleViolation.self) { try store.execute([comment("kept?", at: 5_000), refused]) }
        #expect(store.lastSequence == before)
        #expect(try open().lastSequence == before)
    }

    @Test("the records read back replay to the state", arguments: StoreKind.allCases)
    func recordsReplayToTheState(kind: StoreKind) throws {
        let (open, cleanUp) = try kind.workspace()
        defer { cleanUp() }
        let store = try open()
        try store.execute([comment("a", at: 5_000), comment("b", at: 5_001)])
        let records = try store.recordsReader()()
        #expect(records.last?.sequence == store.lastSequence)
        #expect(replay(records, onto: BoardState(config: store.state.config)) == store.state)
    }

    @Test("a watch wakes its owner when another store writes", arguments: StoreKind.allCases)
    func aWatchWakes(kind: StoreKind) throws {
        let (open, cleanUp) = try kind.workspace()
        defer { cleanUp() }
        let watcher = try open()
        let woken = DispatchSemaphore(value: 0)
        let watch = watcher.watch { woken.signal() }
        defer { watch.stop() }
        try open().execute([comment("wake up", at: 5_000)])
        #expect(woken.wait(timeout: .now() + 20) == .success, "no wake-up within 20 s")
        #expect(try watcher.refresh().count == 1)
    }

    @Test("presence: each sees the others until they leave", arguments: StoreKind.allCases)
    func presence(kind: StoreKind) throws {
        let (open, cleanUp) = try kind.workspace()
        defer { cleanUp() }
        let ann = try open().presence(of: "ann")
        let bob = try open().presence(of: "bob")
        ann.heartbeat()
        bob.heartbeat()
        #expect(ann.others() == ["bob"] && bob.others() == ["ann"])
        ann.leave()
        #expect(bob.others() == [])
    }
}
