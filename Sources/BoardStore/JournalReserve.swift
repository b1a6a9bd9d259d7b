import Foundation
import Glibc

/// The journal keeps a zero-filled reserve after its last line, so a commit overwrites blocks
/// that are already written and flushed: its fdatasync then carries only the data, since the
/// file's size does not change (see docs/FIGURES.md for what that saves). Readers stop at the
/// first zero byte, which no journal line contains: JSON escapes every control character.
enum JournalReserve {
    /// How much room is added past a write when the reserve runs out.
    static let chunk: UInt64 = 1 << 20

    /// Makes sure `count` bytes at `offset` land inside the file, adding a chunk of zeros when
    /// they would not. Best effort: with no room on the disk for a chunk, the write itself
    /// grows the file, as a plain append would. The caller's fdatasync makes the zeros durable.
    /// Returns the file's size afterwards, for `undoWrite`.
    static func makeRoom(_ fd: Int32, for count: Int, at offset: UInt64) -> UInt64 {
        guard let size = size(of: fd) else { return offset }
        let needed = offset + UInt64(count)
        guard needed > size else { return size }
        let target = (needed / chunk + 1) * chunk
        // Asking for the blocks first fails fast on a full disk instead of writing a chunk of
        // zeros that cannot fit; writing the zeros then makes the blocks initialised, so later
        // commits into them need no metadata change.
        guard posix_fallocate(fd, off_t(size), off_t(target - size)) == 0, writeZeros(fd, from: size, to: target) else {
            _ = ftruncate(fd, off_t(size))
            return size
        }
        return target
    }

    /// Puts the bytes a failed write may have left at `offset` back to what they were before:
    /// zeros inside the old size, nothing past it.
    static func undoWrite(_ fd: Int32, at offset: UInt64, count: Int, sizeBefore: UInt64) {
        let end = offset + UInt64(count)
        if offset < sizeBefore { _ = writeZeros(fd, from: offset, to: min(end, sizeBefore)) }
        if end > sizeBefore { _ = ftruncate(fd, off_t(max(offset, sizeBefore))) }
    }

    private static let zeros = [UInt8](repeating: 0, count: 1 << 16)

    private static func writeZeros(_ fd: Int32, from start: UInt64, to end: UInt64) -> Bool {
        var offset = start
        while offset < end {
            let count = Int(min(UInt64(zeros.count), end - offset))
            guard zeros.withUnsafeBytes({ FileDescriptor.writeAll(fd, UnsafeRawBufferPointer(rebasing: $0[..<count]), at: offset) })
            else { return false }
            offset += UInt64(count)
        }
        return true
    }

    /// The file's size, found without `fstat`: asking for a file's times makes the kernel give
    /// its next write a fine-grained modification time (multigrain timestamps, Linux 6.13), and
    /// then every commit's fdatasync also writes the inode. Measured: about 70 us a commit.
    static func size(of fd: Int32) -> UInt64? {
        let end = lseek(fd, 0, SEEK_END)
        return end < 0 ? nil : UInt64(end)
    }
}
