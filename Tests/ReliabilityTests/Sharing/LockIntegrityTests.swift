import TestSupport
@testable import BoardStore
import BoardCore
import Foundation
import Glibc
import Synchronization
import Testing

@Suite("The writers' lock holds whatever happens to the files around it")
struct LockIntegrityTests {
    @Test("the lock file replaced every 20 ms during 8 concurrent writers: every acknowledged write is there, the chain is whole")
    func lockFileReplaced() throws {
        let workspace = try TestWorkspace(name: "lockreplaced")
        defer { workspace.cleanUp() }
        let stop = Atomic<Bool>(false)
        let lock = workspace.directory.lockURL.path
        let replacer = Thread {
            var round = 0
            while !stop.load(ordering: .relaxed) {
                rename(lock, lock + ".old")
                let fd = open(lock, O_WRONLY | O_CREAT | O_EXCL, 0o644)
                if fd >= 0 { close(fd) }
                round += 1
                usleep(20_000)
            }
        }
        replacer.start()
        let writers = try (0..<8).map { index in
            try Binary.start(Binary.mlboard, ["debug-append", "--project", TestWorkspace.project, "--count", "25", "--tag", "w\(index)"],
                             environment: workspace.environment)
        }
        let outcomes = writers.map(Binary.finish)
        stop.store(true, ordering: .relaxed)
        while !replacer.isFinished { usleep(1_000) }

        var acknowledged: Set<Int64> = []
        for outcome in outcomes {
            #expect(outcome.status == 0, "\(outcome.stderr)")
            for line in outcome.stdout.split(separator: "\n") where line.hasPrefix("ok ") { acknowledged.insert(Int64(line.dropFirst(3))!) }
        }
        #expect(acknowledged.count == 8 * 25)
        let report = try WorkspaceStore.verify(workspace.directory, environment: workspace.environment)
        #expect(report.passed, "\(report.problems)")
        let store = try workspace.open()
        let comments = try store.allComments().filter { $0.body.hasPrefix("w") }
        #expect(comments.count == 8 * 25, "every acknowledged write is in the journal")
        #expect(acknowledged.allSatisfy { $0 <= report.events })
    }

    @Test("a writer that waits says who holds the lock, and --wait gives up with exit 3, writing nothing")
    func waitingForTheLock() throws {
        let workspace = try TestWorkspace(name: "lockwait")
        defer { workspace.cleanUp() }
        let folder = try WorkspaceFolder.open(workspace.directory.path)
        let journal = try folder.openFile(DataDirectory.journalName, writable: true)
        defer { close(journal) }
        let note = LockHolderFile(fd: try folder.openFile(LockHolderFile.name, writable: true))
        try JournalLock.acquire(journal, path: "journal", wait: LockWait(limit: 1), holder: note)
        note.record()
        let before = workspace.journalBytes

        let gaveUp = try Binary.run(["--wait", "2", "comment", "--project", TestWorkspace.project, "late"], environment: workspace.environment)
        #expect(gaveUp.status == 3, "\(gaveUp.stderr)")
        #expect(gaveUp.stderr.contains("waiting for the journal lock: held by pid \(getpid())"), "\(gaveUp.stderr)")
        #expect(gaveUp.stderr.contains("gave up waiting for the journal lock after 2 s"), "\(gaveUp.stderr)")
        #expect(workspace.journalBytes == before, "nothing was written")

        let patient = try Binary.start(Binary.mlboard, ["comment", "--project", TestWorkspace.project, "patient"], environment: workspace.environment)
        usleep(1_500_000)
        JournalLock.release(journal)
        let waited = Binary.finish(patient)
        #expect(waited.status == 0, "\(waited.stderr)")
        #expect(waited.stderr.contains("waiting for the journal lock"), "it said whom it waited for: \(waited.stderr)")
        #expect(try workspace.open().allComments().contains { $0.body == "patient" })
    }

    @Test("--wait refuses a negative or unreadable number with exit 2")
    func badWait() throws {
        let workspace = try TestWorkspace(name: "badwait")
        defer { workspace.cleanUp() }
        for value in ["-1", "soon"] {
            let outcome = try Binary.run(["comment", "--wait", value, "--project", TestWorkspace.project, "x"], environment: workspace.environment)
            #expect(outcome.status == 2, "\(value): \(outcome.stderr)")
        }
    }
}
