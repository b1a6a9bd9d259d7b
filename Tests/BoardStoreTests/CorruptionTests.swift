import TestSupport
import BoardCore
@testable import BoardStore
import Foundation
import Testing

@Suite("Damaged journals and snapshots")
struct CorruptionTests {
    /// Flips one byte inside the line of `sequence`.
    func damage(_ workspace: TestWorkspace, sequence: Int) throws {
        var bytes = workspace.journalBytes
        var lineStart = 0
        var line = 1
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if line == sequence { break }
            line += 1
            lineStart = index + 1
        }
        let target = lineStart + 40
        bytes[target] = bytes[target] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        try workspace.writeJournal(bytes)
    }

    @Test("a line corrupted in the middle is named by verify and refused by open")
    func middleCorruption() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        try workspace.comment(8)
        try damage(workspace, sequence: 5)
        let report = try WorkspaceStore.verify(workspace.directory, environment: workspace.environment)
        #expect(!report.passed)
        #expect(report.firstBadSequence == 5)
        #expect(report.problems.first?.contains("sequence 5") == true)
        #expect(throws: StoreError.self) { try workspace.open() }
        do {
            _ = try workspace.open()
        } catch let error as StoreError {
            guard case .corrupt(_, let sequence, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(sequence == 5)
            #expect(error.description.contains("journal.jsonl"))
        }
    }

    @Test("a writer refuses to append to a damaged journal and changes nothing")
    func writerRefuses() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        let store = try workspace.open()
        try workspace.comment(4)
        try damage(workspace, sequence: 3)
        let before = workspace.journalBytes
        #expect(throws: StoreError.self) {
            try store.execute(.comment(on: .project(TestWorkspace.project), body: "x"), as: TestWorkspace.lead, now: Instant(millis: 9))
        }
        #expect(workspace.journalBytes == before)
    }

    @Test("a deleted or damaged snapshot rebuilds the same state", arguments: ["delete", "garble", "stale", "edited"])
    func snapshotLoss(kind: String) throws {
        let workspace = try TestWorkspace(name: "snapshot\(kind)")
        defer { workspace.cleanUp() }
        try workspace.comment(5)
        let store = try workspace.open()
        try store.writeSnapshot()
        try workspace.comment(3)
        let expected = try workspace.open().state
        let snapshot = workspace.snapshotURL
        switch kind {
        case "delete": try FileManager.default.removeItem(at: snapshot)
        case "garble": try Data("{\"format\":1,".utf8).write(to: snapshot)
        case "edited":
            // A change inside the state that still decodes: only the checksum can tell.
            var bytes = workspace.bytes(snapshot)
            let from = Array("Lea Lead".utf8)  // comments are not in the state; a stakeholder's name is
            let index = try #require(bytes.indices.first { bytes[$0...].starts(with: from) })
            bytes.replaceSubrange(index ..< index + from.count, with: Array("Lea Leaf".utf8))
            try Data(bytes).write(to: snapshot)
        default:
            // A snapshot, sound in itself, that claims a position whose hash is not the journal's.
            let good = try Snapshot.decode(workspace.bytes(snapshot)).get()
            var position = good.position
            position.hash = String(repeating: "a", count: 64)
            try Data(Snapshot.encode(good.state, at: position)).write(to: snapshot)
        }
        let reopened = try workspace.open()
        #expect(reopened.state == expected)
        if kind != "delete" { #expect(reopened.warnings.contains { $0.contains("rebuilding") }) }
    }

    @Test("a snapshot that agrees with the journal passes verify")
    func snapshotAgrees() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        try workspace.comment(4)
        try workspace.open().writeSnapshot()
        try workspace.comment(2)
        let report = try WorkspaceStore.verify(workspace.directory, environment: workspace.environment)
        #expect(report.passed)
        #expect(report.snapshot.hasPrefix("agrees"))
        let reopened = try workspace.open()
        #expect(reopened.state.lastSequence == 8)
    }
}
