import Foundation
import Glibc

/// Whole-file replacement that never leaves a half-written file: write a temporary file,
/// flush it, rename it into place, flush the directory.
enum AtomicFile {
    static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent().path
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.lastIO("create", temporary) }
        var failure: StoreError?
        data.withUnsafeBytes { buffer in
            if !FileDescriptor.writeAll(fd, buffer) { failure = StoreError.lastIO("write", temporary) }
        }
        if failure == nil && fsync(fd) != 0 { failure = StoreError.lastIO("fsync", temporary) }
        close(fd)
        if let failure {
            unlink(temporary)
            throw failure
        }
        guard rename(temporary, url.path) == 0 else {
            let error = StoreError.lastIO("rename", temporary)
            unlink(temporary)
            throw error
        }
        try FileDescriptor.syncDirectory(directory)
    }
}

enum FileDescriptor {
    /// Writes every byte or returns false with errno set; retries short writes and EINTR.
    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// Like `writeAll`, at `offset` without moving the file position.
    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, at offset: UInt64) -> Bool {
        var done = 0
        while done < buffer.count {
            let written = pwrite(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            done += written
        }
        return true
    }

    static func syncDirectory(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.lastIO("open directory", path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw StoreError.lastIO("fsync directory", path) }
    }
}
