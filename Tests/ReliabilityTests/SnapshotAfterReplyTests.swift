import TestSupport
@testable import BoardStore
import BoardCore
import Foundation
import Testing

@Suite("Snapshots are written after the reply")
struct SnapshotAfterReplyTests {
    /// A workspace 2,050 events ahead of its (missing) snapshot.
    func longWorkspace(_ name: String) throws -> TestWorkspace {
        let workspace = try TestWorkspace(name: name)
        let store = try workspace.open()
        let comments = (0..<2_050).map { Command.comment(on: .project(TestWorkspace.project), body: "c\($0)") }
        try store.execute(comments, as: TestWorkspace.lead, now: Instant(millis: 5_000))
        #expect(!FileManager.default.fileExists(atPath: workspace.snapshotURL.path), "a write never snapshots inline")
        return workspace
    }

    @Test("a command whose snapshot lags replies first, then leaves a snapshot that agrees with the journal")
    func writtenAfterTheReply() throws {
        let workspace = try longWorkspace("afterreply")
        defer { workspace.cleanUp() }
        let status = try Binary.run(["comment", "--project", TestWorkspace.project, "one more"], environment: workspace.environment)
        #expect(status.status == 0 && status.stdout.contains("commented"), "\(status.stdout) \(status.stderr)")
        #expect(FileManager.default.fileExists(atPath: workspace.snapshotURL.path))
        let report = try WorkspaceStore.verify(workspace.directory, environment: workspace.environment)
        #expect(report.snapshot.hasPrefix("agrees"), "\(report.snapshot)")
    }

    @Test("a crash between the reply and the snapshot loses nothing: the reply's event is there, and no snapshot is half-written")
    func crashBeforeTheSnapshot() throws {
        let workspace = try longWorkspace("crashsnapshot")
        defer { workspace.cleanUp() }
        var environment = workspace.environment
        environment["MLBOARD_FAILPOINT"] = "before-snapshot:1"
        let killed = try Binary.run(["comment", "--project", TestWorkspace.project, "acknowledged"], environment: environment)
        #expect(killed.status == 9, "killed at the snapshot: \(killed.status) \(killed.stderr)")
        #expect(killed.stdout.contains("commented"), "the reply was out before: \(killed.stdout)")
        #expect(!FileManager.default.fileExists(atPath: workspace.snapshotURL.path))
        #expect(FileManager.default.fileExists(atPath: CommentIndexFile.url(besideSnapshot: workspace.snapshotURL).path),
                "killed between writing the comment index and the snapshot")
        let store = try workspace.open()
        #expect(try store.allComments().contains { $0.body == "acknowledged" })
        #expect(try WorkspaceStore.verify(workspace.directory, environment: workspace.environment).passed)
    }
}
