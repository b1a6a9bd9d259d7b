import TestSupport
import BoardCore
@testable import BoardStore
import Foundation
import Glibc
import Testing

@Suite("The journal's zero-filled reserve")
struct JournalReserveTests {
    @Test("commits overwrite a zero reserve, so the file grows by whole chunks, not by every line")
    func commitsFillTheReserve() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        try workspace.comment(3)
        let size = workspace.journalBytes.count
        let store = try workspace.open()
        #expect(UInt64(workspace.journalLines.count) == store.position.offset, "lines end where the reader stands")
        #expect(size > workspace.journalLines.count && UInt64(size) % JournalReserve.chunk == 0)
        #expect(workspace.journalBytes[workspace.journalLines.count...].allSatisfy { $0 == 0 })

        try store.execute(.comment(on: .project(TestWorkspace.project), body: "one more"), as: TestWorkspace.lead, now: Instant(millis: 9_000))
        #expect(workspace.journalBytes.count == size, "a commit inside the reserve leaves the size alone")
        #expect(try workspace.open().state.lastSequence == 6)
        #expect(try WorkspaceStore.verify(workspace.directory, environment: workspace.environment).passed)
    }

    @Test("a journal without a reserve, as older versions wrote it, is read and then given one")
    func plainJournalStillWorks() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        try workspace.comment(2)
        try workspace.writeJournal(workspace.journalLines)
        #expect(try workspace.open().state.lastSequence == 4)
        try workspace.comment(1, tag: "after")
        #expect(UInt64(workspace.journalBytes.count) % JournalReserve.chunk == 0)
        #expect(try workspace.open().state.lastSequence == 5)
    }

    /// The journal's lines, split after each newline.
    private func lines(_ workspace: TestWorkspace) -> [[UInt8]] {
        workspace.journalLines.split(separator: UInt8(ascii: "\n")).map { Array($0) + [UInt8(ascii: "\n")] }
    }

    private func withReserve(_ bytes: [UInt8], like workspace: TestWorkspace) -> [UInt8] {
        bytes + [UInt8](repeating: 0, count: max(0, workspace.journalBytes.count - bytes.count))
    }

    @Test("a zero byte inside history is damage, never the start of the reserve: open, writers and verify refuse it")
    func zeroInsideHistory() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        let writer = try workspace.open()
        try workspace.comment(6)
        var all = lines(workspace)
        all[4][30] = 0  // sequence 5
        let damaged = withReserve(all.flatMap { $0 }, like: workspace)
        try workspace.writeJournal(damaged)

        #expect { try workspace.open() } throws: { error in
            guard case StoreError.corrupt(_, let sequence, _) = error else { return false }
            return sequence == 5
        }
        #expect(throws: StoreError.self) {
            try writer.execute(.comment(on: .project(TestWorkspace.project), body: "x"), as: TestWorkspace.lead, now: Instant(millis: 9))
        }
        let unchanged = workspace.journalBytes == damaged
        #expect(unchanged, "nothing was cut or written")
        let report = try WorkspaceStore.verify(workspace.directory, environment: workspace.environment)
        #expect(report.firstBadSequence == 5 && !report.passed)
    }

    /// Gaps that end inside the first piece of the reserve an open reads, and far past it.
    static let gaps = [300, 70_000, 600_000]

    @Test("bytes of an unfinished write found behind a zero gap are a torn tail: copied aside and cut by the next writer",
          arguments: gaps)
    func fragmentBehindAZeroGap(gapLength: Int) throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        try workspace.comment(3)
        let all = lines(workspace)
        let fragment = Array(all[4].suffix(40))  // the end of a line whose start never reached the disk
        let gap = [UInt8](repeating: 0, count: gapLength)
        try workspace.writeJournal(withReserve(all.flatMap { $0 } + gap + fragment, like: workspace))

        #expect(try workspace.open().state.lastSequence == 5, "readers stop at the gap")
        #expect(try WorkspaceStore.verify(workspace.directory, environment: workspace.environment).tornTailBytes == UInt64(gap.count + fragment.count))
        try workspace.comment(1, tag: "after")
        let copies = try FileManager.default.contentsOfDirectory(atPath: workspace.directory.tornTailsURL.path)
        #expect(copies.count == 1)
        let copy = try Data(contentsOf: workspace.directory.tornTailsURL.appendingPathComponent(copies[0]))
        #expect([UInt8](copy) == gap + fragment)
        let report = try WorkspaceStore.verify(workspace.directory, environment: workspace.environment)
        #expect(report.passed && report.tornTailBytes == 0 && report.events == 6)
    }

    @Test("a complete line behind a zero gap is damage: refused, never cut", arguments: gaps)
    func lineBehindAZeroGap(gapLength: Int) throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        try workspace.comment(4)
        let all = lines(workspace)
        let gapped = withReserve(all.prefix(5).flatMap { $0 } + [UInt8](repeating: 0, count: gapLength) + all[5], like: workspace)
        try workspace.writeJournal(gapped)
        #expect(throws: StoreError.self) { try workspace.open() }
        #expect(throws: StoreError.self) { try workspace.comment(1, tag: "after") }
        let unchanged = workspace.journalBytes == gapped
        #expect(unchanged, "nothing was cut or written")
        #expect(try WorkspaceStore.verify(workspace.directory, environment: workspace.environment).firstBadSequence == 6)
    }

    @Test("the watcher's poll notices a commit even when size and modification time are unchanged")
    func pollSeesLinesWithoutSizeOrTimeChange() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        try workspace.comment(1)
        let path = workspace.directory.journalURL.path
        let folder = try WorkspaceFolder.open(workspace.directory.path)
        let before = try #require(JournalWatcher.FileIdentity.of(folder, after: nil))
        var stats = stat()
        #expect(stat(path, &stats) == 0)
        try workspace.comment(1, tag: "unseen")
        var times = [stats.st_atim, stats.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0, "the modification time is put back")
        let after = try #require(JournalWatcher.FileIdentity.of(folder, after: before))
        #expect(after.size == before.size && after.modified.tv_nsec == before.modified.tv_nsec)
        #expect(after != before)
        #expect(after.linesEnd == UInt64(workspace.journalLines.count))
    }
}
