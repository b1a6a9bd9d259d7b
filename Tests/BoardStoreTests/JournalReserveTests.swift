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
        #expect(try WorkspaceStore.verify(workspace.directory).passed)
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

    @Test("bytes after the reserve are never read, and verify names them")
    func strayBytesAfterTheReserve() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        try workspace.comment(2)
        var bytes = workspace.journalBytes
        let stray = bytes.count - 10
        bytes.replaceSubrange(stray ..< stray + 4, with: Array("junk".utf8))
        try workspace.writeJournal(bytes)
        #expect(try workspace.open().state.lastSequence == 4)
        let report = try WorkspaceStore.verify(workspace.directory)
        #expect(report.problems.contains { $0.contains("offset \(stray)") && $0.contains("after the zero-filled reserve") }, "\(report.problems)")
    }

    @Test("the watcher's poll notices a commit even when size and modification time are unchanged")
    func pollSeesLinesWithoutSizeOrTimeChange() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        try workspace.comment(1)
        let path = workspace.directory.journalURL.path
        let before = try #require(JournalWatcher.FileIdentity.of(path, after: nil, from: 0))
        var stats = stat()
        #expect(stat(path, &stats) == 0)
        try workspace.comment(1, tag: "unseen")
        var times = [stats.st_atim, stats.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0, "the modification time is put back")
        let after = try #require(JournalWatcher.FileIdentity.of(path, after: before))
        #expect(after.size == before.size && after.modified.tv_nsec == before.modified.tv_nsec)
        #expect(after != before)
        #expect(after.linesEnd == UInt64(workspace.journalLines.count))
    }
}
