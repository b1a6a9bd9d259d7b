@testable import BoardStore
import Foundation
import Glibc
import TestSupport
import Testing

/// The queue itself, with three writers' places held in this process through three open file
/// descriptions of the queue file (the locks belong to each description, as they would to
/// three processes). Orders are asserted, never times.
@Suite("The writers' queue: who is next, and when")
struct WriterQueueTests {
    @Test("the third in line is told it is next while the second still has its turn, and goes only after it")
    func toldWhenNext() throws {
        let line = try QueueLine(writers: 3)
        defer { line.close() }
        let third = WaitingWriter(line.queues[2], after: line.predecessors[2])
        line.queues[0].leave()
        try third.waitUntil { $0 == ["next"] }
        #expect(third.events == ["next"], "the second writer still holds its place")
        line.queues[1].leave()
        try third.waitUntil { $0 == ["next", "turn"] }
    }

    @Test("the second in line is told at once that it is next, and goes when the first leaves")
    func secondInLine() throws {
        let line = try QueueLine(writers: 2)
        defer { line.close() }
        let second = WaitingWriter(line.queues[1], after: line.predecessors[1])
        try second.waitUntil { $0 == ["next"] }
        line.queues[0].leave()
        try second.waitUntil { $0 == ["next", "turn"] }
    }

    @Test("a writer whose wait runs out is neither told it is next nor given its turn")
    func waitRunsOut() throws {
        let line = try QueueLine(writers: 3)
        defer { line.close() }
        var told = false
        #expect(!line.queues[2].waitForTurn(after: line.predecessors[2], within: 0.2, whenNext: { told = true }))
        #expect(!told)
    }

    @Test("when the writers just before leave while the first still waits, the last waits for the first too")
    func predecessorsLeaveFirst() throws {
        let line = try QueueLine(writers: 4)
        defer { line.close() }
        let fourth = WaitingWriter(line.queues[3], after: line.predecessors[3])
        line.queues[1].leave()  // the second and third give up their places (they died)
        line.queues[2].leave()
        usleep(100_000)
        #expect(fourth.events.isEmpty, "the first writer still holds its place")
        line.queues[0].leave()
        try fourth.waitUntil { $0.last == "turn" }
    }
}

/// `writers` places taken one after the other in a new workspace's queue.
private final class QueueLine {
    let workspace: TestWorkspace
    let queues: [WriterQueue]
    let predecessors: [Int64]

    init(writers: Int) throws {
        workspace = try TestWorkspace()
        let folder = try WorkspaceFolder.open(workspace.directory.path)
        queues = try (0..<writers).map { _ in WriterQueue(fd: try folder.openOrCreateFile(WriterQueue.name, sharing: .private)) }
        predecessors = try queues.map { try #require($0.join(within: 1)) }
    }

    func close() { workspace.cleanUp() }
}

/// A writer waiting for its turn on a thread of its own, noting "next" and "turn" as they come.
private final class WaitingWriter: @unchecked Sendable {
    private let lock = NSLock()
    private var noted: [String] = []
    private let queue: WriterQueue

    var events: [String] { lock.withLock { noted } }

    init(_ queue: WriterQueue, after predecessor: Int64) {
        self.queue = queue
        Thread.detachNewThread { [self] in
            if self.queue.waitForTurn(after: predecessor, within: -1, whenNext: { self.note("next") }) { note("turn") }
        }
    }

    private func note(_ event: String) { lock.withLock { noted.append(event) } }

    func waitUntil(_ condition: ([String]) -> Bool) throws {
        for _ in 0..<3_000 {  // a guard against hanging the suite, not a timing
            if condition(events) { return }
            usleep(10_000)
        }
        Issue.record("the waiting writer noted \(events)")
    }
}
