import Foundation
import Glibc

/// Holds one hook's lock file while it runs a batch of events, so two `hooks run` of the same
/// user (a `--follow` and one by hand, say) never run the same event twice: the second waits,
/// then reads the position the first saved.
enum HookLock {
    static func holding<T>(_ url: URL, _ body: () throws -> T) throws -> T {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw HookFailure.io("open", url.path) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw HookFailure.io("lock", url.path) }
        }
        return try body()
    }
}
