import CPosix
import Foundation
import Glibc

/// Notices that the journal changed: inotify as a hint where it works, and a look at the
/// journal's size, modification time, inode and end of lines about once a second in any case, since
/// network file systems deliver no inotify events. Calls `onChange` on its own thread.
public final class JournalWatcher: @unchecked Sendable {
    public let usesInotify: Bool

    private let folder: WorkspaceFolder?
    private let pollMilliseconds: Int32
    private let onChange: @Sendable () -> Void
    private let inotifyFd: Int32
    private var wakePipe: [Int32] = [-1, -1]
    private var thread: Thread?
    private var lastSeen: FileIdentity?

    struct FileIdentity: Equatable {
        var size: Int
        var modified: timespec
        var inode: UInt
        /// Where the journal's last complete line ends. Commits write into a zero-filled
        /// reserve, so the size stays put, and a coarse clock can give two commits the same
        /// modification time.
        var linesEnd: UInt64

        static func == (a: FileIdentity, b: FileIdentity) -> Bool {
            a.size == b.size && a.inode == b.inode && a.linesEnd == b.linesEnd
                && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
        }

        /// The file as it is, with lines ending at `linesEnd` (the caller's own position), not
        /// read: a commit landing before the first look must still count as a change.
        static func of(_ folder: WorkspaceFolder?, linesEnd: UInt64) -> FileIdentity? {
            guard let folder else { return nil }
            var stats = stat()
            guard fstatat(folder.descriptor, DataDirectory.journalName, &stats, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
            return FileIdentity(size: Int(stats.st_size), modified: stats.st_mtim, inode: UInt(stats.st_ino), linesEnd: linesEnd)
        }

        /// Looks on from `previous`'s last complete line, so an idle journal costs one small read.
        static func of(_ folder: WorkspaceFolder?, after previous: FileIdentity?) -> FileIdentity? {
            guard let folder, var identity = of(folder, linesEnd: 0) else { return nil }
            let known = previous.map { $0.inode == identity.inode ? $0.linesEnd : 0 } ?? 0
            let from = min(known, UInt64(identity.size))
            let bytes = (try? JournalReader.readLines(folder, from: from)) ?? []
            let completed = bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            identity.linesEnd = from + UInt64(completed)
            return identity
        }
    }

    /// `useInotify: false` watches by polling alone, as on a network file system.
    /// `linesEnd` is where the caller knows the journal's lines end (its position's offset).
    public init(
        directory: DataDirectory, linesEnd: UInt64, pollInterval: TimeInterval = 1.0, useInotify: Bool = true,
        onChange: @escaping @Sendable () -> Void
    ) {
        folder = try? WorkspaceFolder.open(directory.path)
        pollMilliseconds = Int32(max(10, pollInterval * 1000))
        self.onChange = onChange
        inotifyFd = useInotify ? mlb_inotify_watch(directory.path) : -1
        usesInotify = inotifyFd >= 0
        lastSeen = FileIdentity.of(folder, linesEnd: linesEnd)
    }

    deinit {
        stop()
        if inotifyFd >= 0 { close(inotifyFd) }
    }

    public func start() {
        guard thread == nil else { return }
        _ = wakePipe.withUnsafeMutableBufferPointer { pipe($0.baseAddress!) }
        let thread = Thread { [self] in run() }
        thread.name = "mlboard journal watcher"
        self.thread = thread
        thread.start()
    }

    public func stop() {
        guard let thread else { return }
        var byte: UInt8 = 1
        _ = write(wakePipe[1], &byte, 1)
        while !thread.isFinished { usleep(1_000) }
        self.thread = nil
        close(wakePipe[0])
        close(wakePipe[1])
        wakePipe = [-1, -1]
    }

    private func run() {
        var fds = [pollfd(fd: wakePipe[0], events: Int16(POLLIN), revents: 0)]
        if inotifyFd >= 0 { fds.append(pollfd(fd: inotifyFd, events: Int16(POLLIN), revents: 0)) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            for index in fds.indices { fds[index].revents = 0 }
            let ready = poll(&fds, nfds_t(fds.count), pollMilliseconds)
            if ready < 0 && errno != EINTR { return }
            if fds[0].revents != 0 { return }
            if fds.count > 1 && fds[1].revents != 0 {
                while read(inotifyFd, &buffer, buffer.count) > 0 {}
            }
            let now = FileIdentity.of(folder, after: lastSeen)
            if now != lastSeen {
                lastSeen = now
                onChange()
            }
        }
    }
}
