import CPosix
import Foundation
import Glibc

/// The queue in front of the journal lock, so writers take their turns in the order they came.
/// Linux wakes every waiter when a file lock is let go and the fastest takes it, often the
/// writer that just let it go; with many writers some wait for dozens of turns.
///
/// The `queue` file beside the journal holds a ticket counter in its first 8 bytes; ticket N
/// is the one byte at offset 8 + N, which its writer locks, with an open-file-description
/// lock, from taking the ticket until it has let the journal lock go. A writer waits until the
/// bytes of every ticket before its own are free, then takes the journal lock. Nothing here
/// excludes anyone: the journal lock does that, and a writer that finds no queue (an older
/// build, a folder it cannot create the file in) still takes the journal lock alone. A writer
/// that dies, waiting or holding, lets its byte go with its descriptors: it loses its turn and
/// the one behind it goes on. The counter is written without a flush: a counter
/// that went back (a crash of the machine, a restored folder) only makes a writer skip
/// tickets whose bytes are still held.
final class WriterQueue {
    static let name = "queue"
    private static let counterLength: Int64 = 8
    /// Tickets come back to the first byte after this many: far more than ever wait at once.
    private static let ticketRange: Int64 = 1 << 40
    private static let maxSkips = 1_000

    private let fd: Int32
    /// The byte this writer holds while it waits and writes.
    private var slot: Int64?

    init(fd: Int32) { self.fd = fd }

    deinit { close(fd) }

    /// Opens the folder's queue, making it when missing; nil when it cannot be used.
    static func open(in folder: WorkspaceFolder, sharing: SharingMode) -> WriterQueue? {
        (try? folder.openOrCreateFile(name, sharing: sharing)).map(WriterQueue.init(fd:))
    }

    /// Takes a ticket and returns the byte of the writer before this one, or nil when this
    /// writer could not join (then it takes the journal lock without queueing).
    func join(within seconds: Double) -> Int64? {
        guard mlb_lock_range_within(fd, 1, 0, Self.counterLength, Self.milliseconds(seconds)) == 1 else { return nil }
        defer { _ = mlb_unlock_range(fd, 0, Self.counterLength) }
        var counter: UInt64 = 0
        if pread(fd, &counter, 8, 0) != 8 { counter = 0 }
        var ticket = Int64(UInt64(littleEndian: counter) % UInt64(Self.ticketRange))
        for _ in 0..<Self.maxSkips {
            if mlb_lock_range_within(fd, 1, Self.byte(ticket), 1, 0) == 1 {
                var next = UInt64(ticket + 1).littleEndian
                guard pwrite(fd, &next, 8, 0) == 8 else {
                    _ = mlb_unlock_range(fd, Self.byte(ticket), 1)
                    return nil
                }
                slot = Self.byte(ticket)
                return Self.byte((ticket + Self.ticketRange - 1) % Self.ticketRange)
            }
            ticket = (ticket + 1) % Self.ticketRange
        }
        return nil
    }

    /// Waits up to `seconds` (negative: forever) until every writer before this one has let its
    /// byte go; true when they have. Not only the one just before: when that one dies while
    /// those before it still wait, this writer must not pass them. `whenNext` runs when the
    /// writer just before is found to be the only one left ahead (at each call that finds it
    /// so): what this writer does there, reading the lines written so far, then overlaps that
    /// writer's turn instead of following it.
    func waitForTurn(after predecessor: Int64, within seconds: Double, whenNext: () -> Void = {}) -> Bool {
        let deadline = seconds < 0 ? nil : WaitClock.now() + seconds
        func left() -> Double { deadline.map { max(0, $0 - WaitClock.now()) } ?? -1 }
        // Every earlier ticket's byte, or only the predecessor's where the tickets came round
        // to the first byte again (a shared lock must never cover this writer's own byte).
        let earlier = slot.map { predecessor < $0 } ?? false
        let first = earlier ? Self.counterLength : predecessor
        if allFree(from: first, through: predecessor) { return true }
        if earlier {
            // Waiting on one byte at a time wakes a writer once, not at every turn ahead of it.
            if predecessor > first {
                guard waitFor(predecessor - 1, length: 1, within: left()) else { return false }
            }
            if predecessor == first || allFree(from: first, through: predecessor - 1) { whenNext() }
        }
        guard waitFor(predecessor, length: 1, within: left()) else { return false }
        return allFree(from: first, through: predecessor) || waitFor(first, length: predecessor - first + 1, within: left())
    }

    private func waitFor(_ start: Int64, length: Int64, within seconds: Double) -> Bool {
        guard mlb_lock_range_within(fd, 0, start, length, Self.milliseconds(seconds)) == 1 else { return false }
        _ = mlb_unlock_range(fd, start, length)
        return true
    }

    private func allFree(from first: Int64, through last: Int64) -> Bool {
        waitFor(first, length: last - first + 1, within: 0)
    }

    /// Lets this writer's byte go, so the one behind it may go on. Call after the journal lock
    /// is let go.
    func leave() {
        guard let slot else { return }
        _ = mlb_unlock_range(fd, slot, 1)
        self.slot = nil
    }

    private static func byte(_ ticket: Int64) -> Int64 { counterLength + ticket }

    private static func milliseconds(_ seconds: Double) -> Int32 {
        seconds < 0 ? -1 : Int32(min((seconds * 1000).rounded(.up), Double(Int32.max)))
    }
}
