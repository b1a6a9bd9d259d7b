import TestSupport
import BoardCore
import BoardStore
import Foundation
import Testing

/// A write that fails part-way, two ways: a real full file system (a 1 MiB tmpfs mounted for
/// the test, where mounting is allowed) and a file-size limit (RLIMIT_FSIZE, with SIGXFSZ
/// ignored, so write() stops short and then fails with EFBIG), which needs no privilege.
enum SmallFileSystem {
    static let available: Bool = {
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-rel-mount-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: probe) }
        guard (try? Binary.shell("mount -t tmpfs -o size=64k tmpfs '\(probe.path)'"))?.status == 0 else { return false }
        _ = try? Binary.shell("umount '\(probe.path)'")
        return true
    }()
}

@Suite("A write that fails part-way")
struct DiskFullTests {
    /// A comment far longer than a page, so the write crosses the point where space runs out.
    static let longTag = String(repeating: "long comment ", count: 1_000)

    private func expectReportedAndValid(_ outcome: Outcome, _ workspace: TestWorkspace, before: [UInt8], error: String) throws {
        #expect(outcome.status == 3, "exit \(outcome.status): \(outcome.stderr)")
        #expect(outcome.stderr.contains("append to") && outcome.stderr.contains(error), "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty, "nothing was reported as written")
        let verify = try WorkspaceStore.verify(workspace.directory, environment: workspace.environment)
        #expect(verify.passed, "\(verify.problems)")
        #expect(workspace.bytes(workspace.directory.journalURL) == before, "the partial line was cut off again")
    }

    @Test("on a full file system: reported, the journal stays valid, the next write works once there is room",
          .enabled(if: SmallFileSystem.available, "needs mount -t tmpfs"))
    func fullFileSystem() throws {
        let mountPoint = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-rel-tmpfs-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        #expect(try Binary.shell("mount -t tmpfs -o size=1m tmpfs '\(mountPoint.path)'").status == 0)
        defer {
            // Lazily: a process still holding a file there must not keep the mount for good.
            _ = try? Binary.shell("umount -l '\(mountPoint.path)'")
            try? FileManager.default.removeItem(at: mountPoint)
        }
        let workspace = try TestWorkspace(dataParent: mountPoint)
        defer { workspace.cleanUp() }
        try workspace.comment(3)
        // Fill the file system, then free one page: the long line starts and cannot finish.
        let filler = mountPoint.appendingPathComponent("filler")
        #expect(try Binary.shell("dd if=/dev/zero of='\(filler.path)' bs=4096 2>/dev/null; truncate -s -4096 '\(filler.path)'").status == 0)
        let before = workspace.bytes(workspace.directory.journalURL)
        let outcome = try Binary.run(["debug-append", "--project", TestWorkspace.project, "--tag", Self.longTag],
                                     environment: workspace.environment)
        try expectReportedAndValid(outcome, workspace, before: before, error: "No space left on device")

        try FileManager.default.removeItem(at: filler)
        let retry = try Binary.run(["debug-append", "--project", TestWorkspace.project, "--tag", Self.longTag], environment: workspace.environment)
        #expect(retry.status == 0, "\(retry.stderr)")
        #expect(try WorkspaceStore.verify(workspace.directory, environment: workspace.environment).passed)
        #expect(try workspace.open().state.lastSequence == 6)
    }

    @Test("past a file-size limit: reported, the journal stays valid, the next write works")
    func fileSizeLimit() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        try workspace.comment(3)
        let before = workspace.bytes(workspace.directory.journalURL)
        let limit = workspace.journalLines.count + 2_000  // inside the zero reserve: the write itself must fail
        let line = "trap '' XFSZ; exec prlimit --fsize=\(limit) '\(Binary.mlboard.path)' debug-append --project \(TestWorkspace.project) --tag '\(Self.longTag)'"
        let outcome = try Binary.shell(line, environment: workspace.environment)
        try expectReportedAndValid(outcome, workspace, before: before, error: "File too large")

        try workspace.comment(1, tag: "next")
        #expect(try WorkspaceStore.verify(workspace.directory, environment: workspace.environment).passed)
        #expect(try workspace.open().state.lastSequence == 6)
    }
}
