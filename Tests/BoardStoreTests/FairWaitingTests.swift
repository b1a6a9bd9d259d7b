import BoardCore
@testable import BoardStore
import Foundation
import Glibc
import TestSupport
import Testing

/// Writers take the journal lock in the order they came (the `WriterQueue` in front of it),
/// and a writer that dies or stops never holds the others up. Every writer here is a real
/// `mlboard debug-append` process; orders are asserted, never times.
@Suite("Fair waiting for the journal lock, with real processes", .serialized)
struct FairWaitingTests {
    @Test("waiters are served in the order they came, and a holder that takes the lock again goes behind them")
    func arrivalOrder() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        let hand = try LockInHand(workspace)
        try hand.take()
        let waiters = try (1...4).map { try QueuedWriter.start("w\($0)", in: workspace) }
        hand.letGo()
        try hand.take()  // without the queue this takes it again at once, ahead of all four
        let served = try commentBodies(workspace)
        hand.letGo()
        for waiter in waiters { #expect(waiter.finish() == 0) }
        #expect(served == ["w1 1", "w2 1", "w3 1", "w4 1"])
    }

    @Test("a waiter killed with -9 loses its turn; the ones behind it go on, in order")
    func killedWaiter() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        let hand = try LockInHand(workspace)
        try hand.take()
        let waiters = try (1...3).map { try QueuedWriter.start("w\($0)", in: workspace) }
        kill(waiters[1].pid, SIGKILL)
        hand.letGo()
        #expect(waiters[0].finish() == 0)
        #expect(waiters[1].finish() == 128 + SIGKILL)
        #expect(waiters[2].finish() == 0)
        #expect(try commentBodies(workspace) == ["w1 1", "w3 1"])
        #expect(try WorkspaceStore.verify(workspace.directory, environment: workspace.environment).passed)
    }

    @Test("a holder killed with -9 lets the queue go on, in order, and the journal verifies")
    func killedHolder() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        let hog = try QueuedWriter.start("hog", count: 1_000_000, seconds: 300, in: workspace, waitUntilQueued: false)
        try hog.stopWhileHoldingTheLock(workspace)
        let waiters = try (1...2).map { try QueuedWriter.start("w\($0)", in: workspace) }
        kill(hog.pid, SIGKILL)
        #expect(hog.finish() == 128 + SIGKILL)
        for waiter in waiters { #expect(waiter.finish() == 0) }
        #expect(try commentBodies(workspace).suffix(2) == ["w1 1", "w2 1"])
        #expect(try WorkspaceStore.verify(workspace.directory, environment: workspace.environment).passed)
    }

    @Test("a stopped waiter (Ctrl-Z) does not hold the ones behind it up for good")
    func stoppedWaiter() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        let hand = try LockInHand(workspace)
        try hand.take()
        let waiters = try (1...2).map { try QueuedWriter.start("w\($0)", in: workspace) }
        kill(waiters[0].pid, SIGSTOP)
        hand.letGo()
        #expect(waiters[1].finish() == 0)
        #expect(try commentBodies(workspace) == ["w2 1"])
        kill(waiters[0].pid, SIGCONT)
        #expect(waiters[0].finish() == 0)
        #expect(try commentBodies(workspace) == ["w2 1", "w1 1"])
    }

    @Test("an older build's plain journal lock still excludes queued writers")
    func olderBuildExcludes() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        let older = try LockInHand(workspace, queueing: false)
        try older.take()
        let waiters = try (1...2).map { try QueuedWriter.start("w\($0)", in: workspace) }
        let before = workspace.journalLines
        usleep(300_000)
        #expect(workspace.journalLines == before, "nobody wrote while the older build held the lock")
        older.letGo()
        for waiter in waiters { #expect(waiter.finish() == 0) }
        #expect(try commentBodies(workspace) == ["w1 1", "w2 1"])
    }

    @Test("the queue file gets the workspace's sharing mode and is never followed through a link")
    func queueFile() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        let shared = DataDirectory(workspace.root.appendingPathComponent("shared"))
        let store = try WorkspaceStore.create(at: shared, config: .defaults(name: "Shared"), sharing: .group, environment: workspace.environment)
        try store.execute(.addStakeholder(Stakeholder(handle: "lea", name: "Lea", role: "data-science lead", approvalStages: [])),
                          as: TestWorkspace.lead, now: Instant(millis: 1_000))
        let facts = try #require(FileFacts.of(shared.url.appendingPathComponent(WriterQueue.name).path, in: AT_FDCWD))
        #expect(facts.permissions & 0o060 == 0o060)

        let elsewhere = workspace.root.appendingPathComponent("elsewhere")
        try Data("not the queue\n".utf8).write(to: elsewhere)
        let queue = workspace.directory.url.appendingPathComponent(WriterQueue.name).path
        try FileManager.default.removeItem(atPath: queue)  // made by the workspace's first commands
        try FileManager.default.createSymbolicLink(atPath: queue, withDestinationPath: elsewhere.path)
        try workspace.comment(2)
        #expect(try String(contentsOf: elsewhere, encoding: .utf8) == "not the queue\n")
        #expect(try commentBodies(workspace) == ["local 0", "local 1"])
    }

    private func commentBodies(_ workspace: TestWorkspace) throws -> [String] {
        try workspace.open().allRecords().compactMap { record in
            if case .commented(let comment) = record.event { return comment.body }
            return nil
        }
    }
}

/// The journal lock taken by this test process, as a writer of this build (`queueing`) or of
/// an older one that only knows the plain journal lock.
private final class LockInHand {
    let folder: WorkspaceFolder
    let journal: Int32
    let holder: LockHolderFile?

    init(_ workspace: TestWorkspace, queueing: Bool = true) throws {
        folder = try WorkspaceFolder.open(workspace.directory.path)
        journal = try folder.openFile(DataDirectory.journalName, writable: true)
        holder = queueing ? LockHolderFile(fd: try folder.openOrCreateFile(LockHolderFile.name, sharing: .private)) : nil
    }

    deinit { close(journal) }

    func take() throws {
        try JournalLock.acquire(journal, path: folder.pathOf(DataDirectory.journalName), wait: LockWait(), holder: holder,
                                folder: folder, sharing: .private)
    }

    func letGo() { JournalLock.release(journal, holder: holder) }
}

/// `mlboard debug-append` in its own process, with its stderr read as it comes.
private final class QueuedWriter: @unchecked Sendable {
    let process = Process()
    private let errors = Pipe()
    private let lock = NSLock()
    private var said = ""

    var pid: pid_t { process.processIdentifier }

    /// Starts a writer of `count` comments "TAG N"; by default returns once it says it waits
    /// for the lock (after a second of waiting), so it has joined the queue.
    static func start(
        _ tag: String, count: Int = 1, seconds: Double? = nil, in workspace: TestWorkspace, waitUntilQueued: Bool = true
    ) throws -> QueuedWriter {
        let writer = QueuedWriter()
        writer.process.executableURL = BuiltBinary.mlboard
        writer.process.arguments = ["debug-append", "--project", TestWorkspace.project, "--count", "\(count)", "--tag", tag]
            + (seconds.map { ["--seconds", "\($0)"] } ?? [])
        writer.process.environment = workspace.environment
        writer.process.standardOutput = FileHandle.nullDevice
        writer.process.standardError = writer.errors
        writer.process.standardInput = FileHandle.nullDevice
        writer.errors.fileHandleForReading.readabilityHandler = { [weak writer] handle in
            let data = handle.availableData
            guard let writer, !data.isEmpty else { return }
            writer.lock.withLock { writer.said += String(decoding: data, as: UTF8.self) }
        }
        try writer.process.run()
        if waitUntilQueued {
            try writer.waitFor("waiting for the journal lock")
        }
        return writer
    }

    func waitFor(_ text: String) throws {
        for _ in 0..<6_000 {  // a guard against hanging the suite, not a timing
            if lock.withLock({ said.contains(text) }) { return }
            if !process.isRunning { break }
            usleep(10_000)
        }
        throw WriterFailure.neverSaid(text, lock.withLock { said })
    }

    /// Stops the writer at a moment it holds the journal lock (it is the only writer).
    func stopWhileHoldingTheLock(_ workspace: TestWorkspace) throws {
        let folder = try WorkspaceFolder.open(workspace.directory.path)
        let journal = try folder.openFile(DataDirectory.journalName)
        defer { close(journal) }
        for _ in 0..<10_000 {
            kill(pid, SIGSTOP)
            while !isStopped { usleep(1_000) }
            if JournalLock.isHeldByAnother(journal) { return }
            kill(pid, SIGCONT)
            usleep(3_000)
        }
        throw WriterFailure.neverHeld
    }

    private var isStopped: Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(close, offsetBy: 2)] == "T"
    }

    /// Waits for the exit (killing the writer if it never comes) and returns its status.
    func finish() -> Int32 {
        for _ in 0..<12_000 where process.isRunning { usleep(10_000) }  // a guard against hanging the suite
        if process.isRunning { kill(pid, SIGKILL) }
        process.waitUntilExit()
        errors.fileHandleForReading.readabilityHandler = nil
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }
}

private enum WriterFailure: Error {
    case neverSaid(String, String)
    case neverHeld
}
