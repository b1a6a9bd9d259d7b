import CPosix
import Foundation
import Glibc

/// How long a writer waits for the lock, and whom it tells while it waits.
public struct LockWait {
    /// Seconds to wait in all; nil waits as long as it takes.
    public var limit: Double?
    /// Called once, after a second of waiting, with who holds the lock.
    public var onWaiting: (String) -> Void

    public init(limit: Double? = nil, onWaiting: @escaping (String) -> Void = { _ in }) {
        self.limit = limit
        self.onWaiting = onWaiting
    }

    static let patience = 1.0
}

/// The writers' lock: an exclusive open-file-description lock on the journal itself, through
/// the writer's own descriptor. Locking the file that holds the lines, instead of a lock file
/// beside them, means that renaming or replacing some other file can never let two writers in
/// at once; after taking it the writer checks that the folder still names that same file.
/// Writers line up for it in the `WriterQueue`, so they take it in the order they came; the
/// queue only orders them, the journal lock alone lets one in.
enum JournalLock {
    /// How often a writer whose turn does not come looks whether the journal lock is free.
    static let stallCheck = 1.0
    /// How many such looks in a row must find it free before the writer takes it out of turn.
    static let stalledChecks = 3

    /// Takes the lock, in turn behind the writers queued in `folder` (without a folder or a
    /// holder note, without queueing, as older builds do). `whenNext` runs when only the writer
    /// just before this one is left ahead (see `WriterQueue.waitForTurn`).
    static func acquire(
        _ journal: Int32, path: String, wait: LockWait, holder: LockHolderFile?, folder: WorkspaceFolder? = nil,
        sharing: SharingMode = .private, whenNext: () -> Void = {}
    ) throws {
        var clock = WaitClock(wait: wait) { holder?.read() ?? "its holder left no note" }
        let queue = folder.flatMap { holder?.queue(in: $0, sharing: sharing) }
        do {
            // The counter's lock is held for microseconds; one held longer (a writer stopped
            // just then) only costs this writer its place in the queue.
            let joining = clock.left < 0 ? stallCheck : min(clock.left, stallCheck)
            if let queue, let predecessor = queue.join(within: joining) {
                if try waitForTurn(in: queue, after: predecessor, journal: journal, path: path, clock: &clock, whenNext: whenNext) {
                    return
                }
            }
            if try clock.keepTrying({ try take(journal, path: path, seconds: $0) }) { return }
            throw StoreError.lockNotTaken(seconds: wait.limit ?? 0, holder: holder?.read() ?? "its holder left no note")
        } catch {
            queue?.leave()
            throw error
        }
    }

    static func release(_ journal: Int32, holder: LockHolderFile? = nil) {
        _ = mlb_unlock(journal)
        holder?.leaveQueue()
    }

    /// Waits until the writer before this one has had its turn. Returns true when this writer
    /// took the journal lock out of turn instead: a writer before it that was stopped (Ctrl-Z
    /// while it waited) would otherwise hold everyone up, so when the journal lock is found
    /// free at `stalledChecks` looks in a row while the turn still has not come, it goes on.
    private static func waitForTurn(
        in queue: WriterQueue, after predecessor: Int64, journal: Int32, path: String, clock: inout WaitClock,
        whenNext: () -> Void
    ) throws -> Bool {
        var freeLooks = 0
        var tookOutOfTurn = false
        let turnCame = try clock.keepTrying { seconds in
            var left = seconds
            while true {
                let step = left < 0 ? stallCheck : min(left, stallCheck)
                if queue.waitForTurn(after: predecessor, within: step, whenNext: whenNext) { return true }
                if left >= 0 {
                    left -= step
                    if left <= 0 { return false }
                }
                freeLooks = isHeldByAnother(journal) ? 0 : freeLooks + 1
                if freeLooks >= stalledChecks, try take(journal, path: path, seconds: 0) {
                    tookOutOfTurn = true
                    return true
                }
            }
        }
        guard turnCame else {
            throw StoreError.lockNotTaken(seconds: clock.wait.limit ?? 0, holder: clock.who())
        }
        return tookOutOfTurn
    }

    /// Whether some other descriptor holds the journal lock now (takes nothing).
    static func isHeldByAnother(_ journal: Int32) -> Bool { mlb_range_is_locked(journal, 0, 0) == 1 }

    /// Waits up to `seconds` (negative: forever); true when the lock is held.
    private static func take(_ journal: Int32, path: String, seconds: Double) throws -> Bool {
        let milliseconds = seconds < 0 ? -1 : Int32(min(seconds * 1000, Double(Int32.max)))
        switch mlb_lock_exclusive_within(journal, milliseconds) {
        case 1: return true
        case 0: return false
        default:
            if errno == EINVAL {
                throw StoreError.io(operation: "take an open-file-description lock on (the file system does not support them)", path: path, errno: EINVAL)
            }
            throw StoreError.lastIO("lock", path)
        }
    }
}

/// The time a `LockWait` leaves, and its one message after a second of waiting.
struct WaitClock {
    let wait: LockWait
    let who: () -> String
    private let started = Self.now()
    private var told = false

    init(wait: LockWait, who: @escaping () -> String) {
        self.wait = wait
        self.who = who
    }

    /// Seconds left; negative when the wait has no limit.
    var left: Double { wait.limit.map { max(0, $0 - (Self.now() - started)) } ?? -1 }

    /// Calls `attempt` with the seconds it may wait (negative: forever) until it succeeds, or
    /// the limit has passed (false); says once, after `LockWait.patience`, whom it waits for.
    mutating func keepTrying(_ attempt: (Double) throws -> Bool) rethrows -> Bool {
        while true {
            let elapsed = Self.now() - started
            let untilTelling = told ? Double.infinity : max(0, LockWait.patience - elapsed)
            let untilLimit = wait.limit.map { max(0, $0 - elapsed) } ?? .infinity
            let slice = min(untilTelling, untilLimit)
            if try attempt(slice.isInfinite ? -1 : slice) { return true }
            if untilLimit <= untilTelling { return false }
            told = true
            wait.onWaiting("waiting for the journal lock: \(who())")
        }
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

/// The `lock` file: not the lock itself (that is on the journal) but a note of who holds it,
/// so a writer that waits can say whom it waits for. Each holder overwrites one fixed-size
/// record in place, without a flush: a note lost in a crash only makes that message vaguer.
/// Builds from before the journal lock locked this file; a holder of the journal lock takes
/// it too, so a team in the middle of upgrading still writes one at a time.
final class LockHolderFile {
    static let name = "lock"
    private static let recordLength = 200
    private let fd: Int32
    private let prefix: String

    init(fd: Int32) {
        self.fd = fd
        prefix = "pid \(getpid()) user \(UserNames.me) host \(HostName.current) since "
    }

    deinit { close(fd) }

    /// Waits for older builds (only they hold this lock without the journal's).
    func takeForOlderBuilds() throws {
        guard mlb_lock_exclusive_within(fd, -1) == 1 else { throw StoreError.lastIO("lock", "the lock file") }
    }

    func release() { _ = mlb_unlock(fd) }

    /// This store's place in the writers' queue, opened at its first lock and kept, like the
    /// note, for as long as the store writes; nil when the queue cannot be used.
    func queue(in folder: WorkspaceFolder, sharing: SharingMode) -> WriterQueue? {
        if !queueOpened {
            queueOpened = true
            writerQueue = WriterQueue.open(in: folder, sharing: sharing)
        }
        return writerQueue
    }

    func leaveQueue() { writerQueue?.leave() }

    private var queueOpened = false
    private var writerQueue: WriterQueue?

    /// Notes this process as the holder. A process that takes the lock again and again (a
    /// dashboard, an import) rewrites the note at most once a second: the note's "for N s"
    /// is then at most a second off, and a commit does not pay for dirtying another inode.
    func record(now: Date = Date()) {
        if let lastRecorded, now.timeIntervalSince(lastRecorded) < 1, isStillOurs() { return }
        lastRecorded = now
        var bytes = Array((prefix + String(Int64(now.timeIntervalSince1970 * 1000))).utf8.prefix(Self.recordLength - 1))
        bytes += [UInt8](repeating: UInt8(ascii: " "), count: Self.recordLength - 1 - bytes.count) + [UInt8(ascii: "\n")]
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    private var lastRecorded: Date?

    private func isStillOurs() -> Bool {
        var bytes = [UInt8](repeating: 0, count: prefix.utf8.count)
        return pread(fd, &bytes, bytes.count, 0) == bytes.count && bytes.elementsEqual(prefix.utf8)
    }

    /// "held by pid 123 (alice on host-1) for 4 s", from the note the holder left.
    func read(now: Date = Date()) -> String? {
        var bytes = [UInt8](repeating: 0, count: Self.recordLength)
        let count = pread(fd, &bytes, bytes.count, 0)
        guard count > 0 else { return nil }
        let words = String(decoding: bytes[..<count], as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard words.count >= 8, words[0] == "pid", words[2] == "user", words[4] == "host", words[6] == "since",
              let millis = Double(words[7])
        else { return nil }
        let held = max(0, now.timeIntervalSince1970 - millis / 1000)
        return "held by pid \(words[1]) (\(words[3]) on \(words[5])) for \(Int(held.rounded())) s"
    }
}
