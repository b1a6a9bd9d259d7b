import Foundation
import Glibc

/// The disk's own cost of a durable small write, with nothing else around it.
enum DiskFloor {
    /// Appends to a growing file and flushes: the file's size changes every time.
    final class Appender {
        private let fd: Int32

        init(path: String) {
            fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
            precondition(fd >= 0, "open \(path)")
        }

        deinit { close(fd) }

        func commit(_ payload: [UInt8]) {
            let wrote = payload.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            precondition(wrote == payload.count && fdatasync(fd) == 0, "append failed")
        }
    }

    /// Overwrites space that was written with zeros and flushed beforehand: only the data
    /// must reach the disk, no metadata.
    final class Overwriter {
        private let fd: Int32
        private var offset: off_t = 0
        private let capacity: off_t

        init(path: String, capacity: Int) {
            fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            precondition(fd >= 0, "open \(path)")
            self.capacity = off_t(capacity)
            let zeros = [UInt8](repeating: 0, count: 1 << 20)
            var filled = 0
            while filled < capacity {
                filled += zeros.withUnsafeBytes { write(fd, $0.baseAddress, min($0.count, capacity - filled)) }
            }
            fsync(fd)
        }

        deinit { close(fd) }

        func commit(_ payload: [UInt8]) {
            if offset + off_t(payload.count) > capacity { offset = 0 }
            let wrote = payload.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, offset) }
            precondition(wrote == payload.count && fdatasync(fd) == 0, "overwrite failed")
            offset += off_t(payload.count)
        }
    }
}
