import CPosix
import Foundation
import Synchronization

/// The writers' lock of one data directory: an exclusive open-file-description lock on a
/// dedicated lock file. The file is opened once per process and never closed, so closing
/// some other descriptor of it can never drop the lock; an in-process mutex makes threads
/// of one process take turns, since they share that one open file description.
final class DirectoryLock: Sendable {
    private let fd: Int32
    private let mutex = Mutex(())

    private static let registry = Mutex<[String: DirectoryLock]>([:])

    private init(fd: Int32) { self.fd = fd }

    static func forFile(_ url: URL) throws -> DirectoryLock {
        try registry.withLock { locks in
            if let existing = locks[url.path] { return existing }
            let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o664)
            guard fd >= 0 else { throw StoreError.lastIO("open lock file", url.path) }
            let lock = DirectoryLock(fd: fd)
            locks[url.path] = lock
            return lock
        }
    }

    func withLock<T>(_ body: () throws -> T) throws -> T {
        try mutex.withLock { _ in
            guard mlb_lock_exclusive(fd) == 0 else { throw StoreError.lastIO("lock", "the data directory's lock file") }
            defer { _ = mlb_unlock(fd) }
            return try body()
        }
    }
}
