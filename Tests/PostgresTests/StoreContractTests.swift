import BoardCore
import BoardPostgres
import BoardStore
import Dispatch
import Foundation
import TestSupport
import Testing

/// What every store must do, whatever holds its journal, checked through the protocol alone:
/// the folder and PostgreSQL run the same tests. Each kind gives openings of one workspace.
@Suite("The store protocol's contract")
struct StoreContractTests {
    enum StoreKind: String, CaseIterable, CustomStringConvertible {
        case folder
        case postgres

        var description: String { rawValue }

        /// A workspace with a lead and a project, and a way to open it again.
        func workspace(name: String = #function) throws -> (open: @Sendable () throws -> any WorkspaceStoring, cleanUp: () -> Void) {
            switch self {
            case .folder:
                let workspace = try TestWorkspace(name: name)
                return ({ try workspace.open() }, { workspace.cleanUp() })
            case .postgres:
                let location = try PostgresCluster.shared.get().makeDatabase(name)
                let local = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-pg-contract-\(UUID().uuidString.prefix(8))")
                let environment = ["XDG_STATE_HOME": local.appendingPathComponent("state").path, "XDG_CACHE_HOME": local.appendingPathComponent("cache").path]
                let store = try PostgresWorkspaceStore.create(at: location, config: .defaults(name: "Test"), environment: environment)
                try store.execute([
                    .addStakeholder(Stakeholder(handle: "lea", name: "Lea Lead", role: "data-science lead", approvalStages: ["staging", "production"])),
                    .createProject(NewProject(slug: TestWorkspace.project, name: "Churn", goal: "customer experience")),
                ], as: TestWorkspace.lead, now: Instant(millis: 1_000))
                return ({ try PostgresWorkspaceStore.open(location, environment: environment) }, { try? FileManager.default.removeItem(at: local) })
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

    @Test("a refresh that never waits reaches what another store wrote, once its wake has come", arguments: StoreKind.allCases)
    func refreshWithoutWaiting(kind: StoreKind) throws {
        let (open, cleanUp) = try kind.workspace()
        defer { cleanUp() }
        let ann = try open()
        let bob = try open()
        let written = try ann.execute([comment("one", at: 5_000), comment("two", at: 5_001)])
        let woken = DispatchSemaphore(value: 0)
        var read = try bob.refreshWithoutWaiting { woken.signal() }
        for _ in 0..<3 where read.isEmpty {
            try #require(woken.wait(timeout: .now() + 10) == .success, "the store wakes its caller when the lines are in")
            read += try bob.refreshWithoutWaiting { woken.signal() }
        }
        #expect(read.map(\.event) == written.map(\.event))
        #expect(bob.state == ann.state && bob.lastSequence == ann.lastSequence)
    }

    @Test("lines a refresh that never waits asked for, read meanwhile by a write, are not applied twice", arguments: StoreKind.allCases)
    func refreshWithoutWaitingBesideAWrite(kind: StoreKind) throws {
        let (open, cleanUp) = try kind.workspace()
        defer { cleanUp() }
        let ann = try open()
        let bob = try open()
        try ann.execute([comment("one", at: 5_000)])
        let woken = DispatchSemaphore(value: 0)
        _ = try bob.refreshWithoutWaiting { woken.signal() }
        try bob.execute([comment("two", at: 5_001)])  // catches up past ann's line first
        _ = woken.wait(timeout: .now() + 10)
        _ = try bob.refreshWithoutWaiting { woken.signal() }
        let fresh = try open()
        #expect(bob.state == fresh.state && bob.lastSequence == fresh.lastSequence)
        #expect(bob.state.counters.comments == 2)
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

    @Test("a store behind the others decides on their writes: a command needing another's new project lands", arguments: StoreKind.allCases)
    func aStaleRefusalIsDecidedAgain(kind: StoreKind) throws {
        let (open, cleanUp) = try kind.workspace()
        defer { cleanUp() }
        let ann = try open()
        let bob = try open()
        try ann.execute([PlannedCommand(.createProject(NewProject(slug: "fraud", name: "Fraud", goal: "customer experience")), as: lead, at: Instant(millis: 5_000))])
        let written = try bob.execute([PlannedCommand(.comment(on: .project("fraud"), body: "hello"), as: lead, at: Instant(millis: 5_001))])
        #expect(written.map(\.sequence) == [ann.lastSequence + 1])
        #expect(bob.state.projects.keys.contains("fraud"))
    }

    @Test("a store behind the others decides on their writes: a command their write forbids is refused and writes nothing", arguments: StoreKind.allCases)
    func aStaleAcceptanceIsDecidedAgain(kind: StoreKind) throws {
        let (open, cleanUp) = try kind.workspace()
        defer { cleanUp() }
        let ann = try open()
        let bob = try open()
        let newProject = PlannedCommand(.createProject(NewProject(slug: "fraud", name: "Fraud", goal: "customer experience")), as: lead, at: Instant(millis: 5_000))
        try ann.execute([newProject])
        let head = ann.lastSequence
        #expect(throws: RuleViolation.self, "bob's state says the slug is free; the journal says it is taken") { try bob.execute([newProject]) }
        #expect(try open().lastSequence == head)
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

    @Test("8 writers × 200 commits racing, each on its own thread and store: every commit lands once, numbered 1…N with no gap, in one unbroken chain", arguments: StoreKind.allCases)
    func racingWriters(kind: StoreKind) throws {
        let (open, cleanUp) = try kind.workspace()
        defer { cleanUp() }
        let start = try open().lastSequence
        let (writers, commits) = (8, 200)
        let failures = Failures()
        // Threads of their own: concurrentPerform would run only as many at once as there are cores.
        let finished = DispatchGroup()
        for writer in 0..<writers {
            finished.enter()
            Thread {
                defer { finished.leave() }
                do {
                    let store = try open()
                    for commit in 0..<commits {
                        try store.execute([comment("w\(writer) c\(commit)", at: 10_000 + Int64(commit))])
                    }
                } catch {
                    failures.add("writer \(writer): \(error)")
                }
            }.start()
        }
        finished.wait()
        #expect(failures.all.isEmpty, "\(failures.all)")
        let reader = try open()
        let records = try reader.recordsReader()()
        #expect(records.map(\.sequence) == Array(1...(start + Int64(writers * commits))))
        let bodies = try reader.allComments().map(\.body)
        #expect(Set(bodies).count == writers * commits && bodies.count == writers * commits, "each commit once")
        #expect(reader.state.counters.comments == writers * commits)
        #expect(replay(records, onto: BoardState(config: reader.state.config)) == reader.state)
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

/// Errors collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []

    func add(_ failure: String) { lock.withLock { collected.append(failure) } }
    var all: [String] { lock.withLock { collected } }
}
