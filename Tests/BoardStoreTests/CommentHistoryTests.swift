import TestSupport
import BoardCore
import BoardDemo
@testable import BoardStore
import Foundation
import Testing

/// Comments are read from the journal on demand, through an index kept beside this user's
/// snapshot. What they read must be what the state held when it kept every comment: the
/// expected threads here are folded from the journal's records as `apply` used to fold them.
@Suite("Comments read on demand")
struct CommentHistoryTests {
    // MARK: The old path, rebuilt from the records

    /// Every comment by id, as the state kept them before they left it.
    static func commentsByReplay(_ records: [EventRecord]) -> [String: BoardCore.Comment] {
        var comments: [String: BoardCore.Comment] = [:]
        for record in records {
            if case .commented(let comment) = record.event { comments[comment.id] = comment }
        }
        return comments
    }

    /// A thread as `BoardState.comments(on:)` gave it: filtered, oldest first, then by id.
    static func thread(on target: CommentTarget, in comments: [String: BoardCore.Comment]) -> [BoardCore.Comment] {
        comments.values.filter { $0.target == target }.sorted { $0.at == $1.at ? $0.id < $1.id : $0.at < $1.at }
    }

    /// Every entity of the state, as a comment target, and every target a comment names.
    static func targets(of state: BoardState, comments: [String: BoardCore.Comment]) -> [CommentTarget] {
        let entities: [CommentTarget] = state.projects.keys.map { .project($0) } + state.versions.keys.map { .version($0) }
            + state.requests.keys.map { .request($0) } + state.challenges.keys.map { .challenge($0) }
        return Array(Set(entities + comments.values.map(\.target)))
    }

    static func expectSameHistory(_ store: WorkspaceStore, _ records: [EventRecord], _ how: String) throws {
        let expected = commentsByReplay(records)
        let targets = targets(of: store.state, comments: expected)
        #expect(!targets.isEmpty, "\(how): the workspace has things to comment on")
        for target in targets {
            #expect(try store.comments(on: target) == thread(on: target, in: expected), "\(how): \(target)")
        }
        let all = try store.allComments()
        #expect(all.count == expected.count, "\(how)")
        #expect(Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) }) == expected, "\(how)")
        #expect(store.state == replay(records, onto: BoardState(config: store.state.config)), "\(how)")
    }

    // MARK: The demo, every entity

    @Test("history on demand equals history in memory for every entity of the demo, however the store opened", arguments: [8, 500])
    func demoHistoryMatchesReplay(size: Int) throws {
        let demo = try DemoOnDisk(size: size)
        defer { demo.cleanUp() }
        let records = try demo.store.allRecords()
        #expect(Self.commentsByReplay(records).count >= 10)
        #expect(Self.targets(of: demo.store.state, comments: [:]).count > 50, "every entity is asked about")
        try Self.expectSameHistory(demo.store, records, "the store that wrote it")
        try Self.expectSameHistory(try demo.open(), records, "opened from the snapshot and the index")
        #expect(unlink(demo.indexURL.path) == 0)
        try Self.expectSameHistory(try demo.open(), records, "opened from the snapshot, the index rebuilt")
        #expect(unlink(demo.store.snapshotURL.path) == 0)
        try Self.expectSameHistory(try demo.open(), records, "replayed from the journal")
    }

    @Test("the export of the demo holds the same comments as before: every one, by id number", arguments: [8, 500])
    func demoExportComments(size: Int) throws {
        let demo = try DemoOnDisk(size: size)
        defer { demo.cleanUp() }
        let expected = Self.commentsByReplay(try demo.store.allRecords()).values.sorted { IdNumber.of($0.id) < IdNumber.of($1.id) }
        let store = try demo.open()
        let comments = try store.allComments()
        #expect(comments.sorted { IdNumber.of($0.id) < IdNumber.of($1.id) } == expected)
    }

    // MARK: The index file

    /// A workspace with comments before its snapshot (so the index file is read) and after it.
    func workspaceWithIndex(_ name: String = #function) throws -> (TestWorkspace, [EventRecord]) {
        let workspace = try TestWorkspace(name: name)
        try workspace.comment(5, tag: "before")
        try workspace.open().writeSnapshot()
        try workspace.comment(3, tag: "after")
        let all = try workspace.open().allRecords()
        return (workspace, all)
    }

    func indexURL(_ workspace: TestWorkspace) -> URL { CommentIndexFile.url(besideSnapshot: workspace.snapshotURL) }

    @Test("the index is written beside the snapshot and read back as written")
    func indexRoundTrip() throws {
        let (workspace, records) = try workspaceWithIndex()
        defer { workspace.cleanUp() }
        let folder = try WorkspaceFolder.open(workspace.directory.path)
        let index = try #require(CommentIndexFile.read(from: indexURL(workspace), journal: folder))
        #expect(index.count == 5)
        #expect(CommentIndexFile.decode(CommentIndexFile.encode(index)) == index)
        var kinds = CommentIndex(position: index.position)
        for (number, target) in [CommentTarget.project("p"), .version(VersionRef(model: "m", number: 2)), .request("PR-1"), .challenge("CH-1")].enumerated() {
            kinds.note(target, at: JournalSpan(offset: UInt64(number * 100), length: 99, sequence: Int64(number + 1)))
        }
        #expect(CommentIndexFile.decode(CommentIndexFile.encode(kinds)) == kinds, "every kind of target survives")
        try Self.expectSameHistory(try workspace.open(), records, "from the index")
    }

    enum Damage: String, CaseIterable, CustomTestStringConvertible {
        case torn, zeroed, offsetsShifted, otherJournal, otherFormat
        var testDescription: String { rawValue }
    }

    @Test("a torn, foreign or wrong index is detected and rebuilt from the journal, never trusted", arguments: Damage.allCases)
    func damagedIndexIsRebuilt(damage: Damage) throws {
        let (workspace, records) = try workspaceWithIndex("damage\(damage.rawValue)")
        defer { workspace.cleanUp() }
        let url = indexURL(workspace)
        let bytes = workspace.bytes(url)
        var index = try #require(CommentIndexFile.decode(bytes))
        var damaged: [UInt8]
        switch damage {
        case .torn: damaged = Array(bytes.prefix(bytes.count / 2))
        case .zeroed: damaged = [UInt8](repeating: 0, count: bytes.count)
        case .offsetsShifted:  // sealed again, so only the lines themselves can tell
            index.spans = index.spans.mapValues { $0.map { JournalSpan(offset: $0.offset + 1, length: $0.length, sequence: $0.sequence) } }
            damaged = CommentIndexFile.encode(index)
        case .otherJournal:  // an index of another journal at the same place, which knows none of these comments
            index.position.hash = String(repeating: "0", count: 64)
            index.spans = [:]
            damaged = CommentIndexFile.encode(index)
        case .otherFormat:
            damaged = bytes
            damaged[4] = 99
        }
        try Data(damaged).write(to: url)
        try Self.expectSameHistory(try workspace.open(), records, "after the index was \(damage)")
    }

    @Test("a crash between writing the index and the snapshot leaves both usable, in either order")
    func crashBetweenIndexAndSnapshot() throws {
        let (workspace, records) = try workspaceWithIndex()
        defer { workspace.cleanUp() }
        let oldSnapshot = workspace.bytes(workspace.snapshotURL)
        let oldIndex = workspace.bytes(indexURL(workspace))
        let store = try workspace.open()
        store.snapshotInterval = 1
        try #require(store.snapshotWork()).run()
        #expect(workspace.bytes(indexURL(workspace)) != oldIndex, "the work wrote a newer index")

        // The index was written, the snapshot not: the snapshot is older than the index.
        try Data(oldSnapshot).write(to: workspace.snapshotURL)
        try workspace.comment(2, tag: "later")
        let later = try workspace.open().allRecords()
        try Self.expectSameHistory(try workspace.open(), later, "index newer than the snapshot")

        // The snapshot is newer than the index.
        try store.writeSnapshot()
        try Data(oldIndex).write(to: indexURL(workspace))
        try Self.expectSameHistory(try workspace.open(), later, "snapshot newer than the index")
        #expect(later.count > records.count)
    }

    @Test("a thread read once is read again when a comment arrives, from this store or refreshed from another")
    func threadFollowsNewComments() throws {
        let (workspace, _) = try workspaceWithIndex()
        defer { workspace.cleanUp() }
        let reader = try workspace.open()
        let target = CommentTarget.project(TestWorkspace.project)
        #expect(try reader.comments(on: target).count == 8)
        try workspace.comment(1, tag: "elsewhere")
        #expect(try reader.comments(on: target).count == 8, "nothing is read past where the store stands")
        try reader.refresh()
        #expect(try reader.comments(on: target).contains { $0.body == "elsewhere 0" })
        try reader.execute(.comment(on: target, body: "mine"), as: TestWorkspace.lead, now: Instant(millis: 9_000))
        #expect(try reader.comments(on: target).count == 10)
        #expect(try reader.comments(on: target).last?.body == "mine")
    }
}

/// The demo built by the store into a temporary folder, as `mlboard demo --signatures off` does.
struct DemoOnDisk {
    let root: URL
    let directory: DataDirectory
    let environment: [String: String]
    let store: WorkspaceStore

    init(size: Int) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-test-demo\(size)-\(UUID().uuidString.prefix(8))")
        directory = DataDirectory(root.appendingPathComponent("data"))
        var environment = HermeticEnvironment.current()
        environment["XDG_STATE_HOME"] = root.appendingPathComponent("state").path
        environment["XDG_CACHE_HOME"] = root.appendingPathComponent("cache").path
        self.environment = environment
        store = try WorkspaceStore.create(at: directory, config: DemoWorkspace.config, environment: environment)
        try store.execute(DemoWorkspace.script(projects: size).map { PlannedCommand($0.command, as: $0.actor, at: $0.at) })
        try store.writeSnapshot()
    }

    var indexURL: URL { CommentIndexFile.url(besideSnapshot: store.snapshotURL) }

    func open() throws -> WorkspaceStore { try WorkspaceStore.open(directory, environment: environment) }

    func cleanUp() { try? FileManager.default.removeItem(at: root) }
}
