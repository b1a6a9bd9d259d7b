import TestSupport
import BoardCore
@testable import BoardStore
import Foundation
import Testing

/// Snapshots on disk that must not be trusted: each is ignored, and open replays the journal.
@Suite("Damaged and foreign snapshot files")
struct SnapshotFileTests {
    /// A workspace whose snapshot is at sequence 7 and whose journal goes on to sequence 10,
    /// with the state a full replay gives.
    func workspaceWithSnapshot(_ name: String) throws -> (TestWorkspace, snapshot: [UInt8], replayed: BoardState) {
        let workspace = try TestWorkspace(name: name)
        try workspace.comment(5)
        try workspace.open().writeSnapshot()
        try workspace.comment(3)
        let snapshot = workspace.bytes(workspace.snapshotURL)
        try FileManager.default.removeItem(at: workspace.snapshotURL)
        let replayed = try workspace.open().state
        #expect(replayed.lastSequence == 10)
        return (workspace, snapshot, replayed)
    }

    func expectIgnored(_ bytes: [UInt8], in workspace: TestWorkspace, replayed: BoardState, as problem: SnapshotProblem) throws {
        try Data(bytes).write(to: workspace.snapshotURL)
        let (url, folder) = (workspace.snapshotURL, try WorkspaceFolder.open(workspace.directory.path))
        #expect(throws: problem) { try Snapshot.read(from: url, journal: folder).get() }
        let store = try workspace.open()
        #expect(store.state == replayed)
        #expect(store.warnings.contains { $0.contains(problem.description) && $0.contains("rebuilding") }, "\(store.warnings)")
    }

    @Test("a good snapshot is used, and gives the state a full replay gives")
    func goodSnapshot() throws {
        let (workspace, snapshot, replayed) = try workspaceWithSnapshot("good")
        defer { workspace.cleanUp() }
        try Data(snapshot).write(to: workspace.snapshotURL)
        let read = try Snapshot.read(from: workspace.snapshotURL, journal: try WorkspaceFolder.open(workspace.directory.path)).get()
        #expect(read.position.sequence == 7)
        let store = try workspace.open()
        #expect(store.warnings == [])
        #expect(store.state == replayed)
    }

    @Test("a flipped byte anywhere fails the header or checksum", arguments: [0, 5, 20, 50, -1])
    func flippedByte(at place: Int) throws {
        let (workspace, snapshot, replayed) = try workspaceWithSnapshot("flip")
        defer { workspace.cleanUp() }
        var bytes = snapshot
        let index = place < 0 ? bytes.count + place : place
        bytes[index] ^= 0x20
        let problem: SnapshotProblem = index < 4 ? .unreadable : index < 8 ? .otherFormat : .checksum
        try expectIgnored(bytes, in: workspace, replayed: replayed, as: problem)
    }

    @Test("a truncated snapshot is ignored", arguments: [0, 10, 60, -1])
    func truncated(keeping length: Int) throws {
        let (workspace, snapshot, replayed) = try workspaceWithSnapshot("truncated")
        defer { workspace.cleanUp() }
        let kept = Array(snapshot.prefix(length < 0 ? snapshot.count + length : length))
        try expectIgnored(kept, in: workspace, replayed: replayed, as: kept.count < 40 ? .unreadable : .checksum)
    }

    @Test("bytes appended to a snapshot are ignored, with or without a checksum over them")
    func trailingBytes() throws {
        let (workspace, snapshot, replayed) = try workspaceWithSnapshot("trailing")
        defer { workspace.cleanUp() }
        try expectIgnored(snapshot + [0, 1, 2], in: workspace, replayed: replayed, as: .checksum)
        var sealed = snapshot + [0]
        Snapshot.seal(&sealed)
        try expectIgnored(sealed, in: workspace, replayed: replayed, as: .unreadable)
    }

    @Test("an unknown enum value under a good checksum is ignored")
    func unknownEnumValue() throws {
        let (workspace, snapshot, replayed) = try workspaceWithSnapshot("enum")
        defer { workspace.cleanUp() }
        var bytes = snapshot
        let active = Array("active".utf8)
        let index = try #require(bytes.indices.dropFirst().first { bytes[$0 - 1] == 6 && bytes[$0...].starts(with: active) })
        bytes.replaceSubrange(index ..< index + active.count, with: Array("actovo".utf8))
        Snapshot.seal(&bytes)
        try expectIgnored(bytes, in: workspace, replayed: replayed, as: .unreadable)
    }

    @Test("a format-2 JSON snapshot from an older mlboard is ignored")
    func formatTwo() throws {
        let (workspace, snapshot, replayed) = try workspaceWithSnapshot("formattwo")
        defer { workspace.cleanUp() }
        let good = try Snapshot.decode(snapshot).get()
        struct Header: Encodable {
            var format = 2
            var position: JournalPosition
            var stateSHA256: String
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = try encoder.encode(good.state)
        let header = try encoder.encode(Header(position: good.position, stateSHA256: JournalLine.hexDigest(body)))
        try expectIgnored(Array(header + Data("\n".utf8) + body), in: workspace, replayed: replayed, as: .otherFormat)
    }

    @Test("a snapshot whose position is not in the journal is ignored")
    func positionNotInJournal() throws {
        let (workspace, snapshot, replayed) = try workspaceWithSnapshot("position")
        defer { workspace.cleanUp() }
        let good = try Snapshot.decode(snapshot).get()
        var wrongHash = good.position
        wrongHash.hash = String(repeating: "a", count: 64)
        try expectIgnored(Snapshot.encode(good.state, at: wrongHash), in: workspace, replayed: replayed,
                          as: .disagreesWithJournal(7))
        var wrongSequence = good.position
        wrongSequence.sequence = 8
        try expectIgnored(Snapshot.encode(good.state, at: wrongSequence), in: workspace, replayed: replayed,
                          as: .disagreesWithJournal(8))
    }
}
