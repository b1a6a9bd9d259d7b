import Foundation
import Glibc

/// Whole-file replacement that never leaves a half-written file: write a temporary file,
/// flush it, rename it into place, flush the directory.
enum AtomicFile {
    /// Replaces `name` in `folder`: the temporary file is created there without following
    /// links, gets the sharing mode's permissions, and is renamed over the old one.
    static func write(_ bytes: [UInt8], named name: String, in folder: WorkspaceFolder, sharing: SharingMode) throws {
        let temporary = ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = try folder.createFile(temporary, sharing: sharing)
        var failure: StoreError?
        bytes.withUnsafeBytes { buffer in
            if !FileDescriptor.writeAll(fd, buffer) { failure = StoreError.lastIO("write", folder.pathOf(temporary)) }
        }
        if failure == nil && fsync(fd) != 0 { failure = StoreError.lastIO("fsync", folder.pathOf(temporary)) }
        close(fd)
        do {
            if let failure { throw failure }
            try folder.rename(temporary, to: name)
        } catch {
            _ = folder.remove(temporary)
            throw error
        }
        try folder.sync()
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

    /// Every byte of an open file from its start (a configuration, a snapshot).
    static func readAll(_ fd: Int32, path: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = pread(fd, &chunk, chunk.count, off_t(bytes.count))
            if got < 0 {
                if errno == EINTR { continue }
                throw StoreError.lastIO("read", path)
            }
            if got == 0 { return bytes }
            bytes += chunk[..<got]
        }
    }
}
