import Foundation

extension JournalLine {
    /// Lines decoded at a time by `decodeAll`: enough to keep both cores busy, few enough that
    /// a reader holds little more than it did decoding one line at a time.
    static let batchLines = 4_096
    /// Fewer lines than this are decoded on the calling thread: starting threads costs more.
    static let parallelFrom = 64
    /// Lines each thread takes at a time.
    private static let linesPerTask = 32

    /// `decode` of each line, in order: on every core when there are many. Decoding a line
    /// depends on no other line, so readers decode a batch at once and then judge and apply its
    /// lines one after another as before.
    static func decodeAll<Line: Collection & Sendable>(_ lines: [Line]) -> [Result<Parsed, ParseFailure>] where Line.Element == UInt8 {
        guard lines.count >= parallelFrom, ProcessInfo.processInfo.activeProcessorCount > 1 else { return lines.map { decode($0) } }
        var results = [Result<Parsed, ParseFailure>](repeating: .failure(.checksum), count: lines.count)
        let tasks = (lines.count + linesPerTask - 1) / linesPerTask
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = DecodedLines(buffer)
            DispatchQueue.concurrentPerform(iterations: tasks) { task in
                for index in task * linesPerTask ..< min((task + 1) * linesPerTask, lines.count) {
                    slots.set(index, decode(lines[index]))
                }
            }
        }
        return results
    }
}

/// The results' memory, written by many threads, each to indices of its own.
private struct DecodedLines: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Result<JournalLine.Parsed, JournalLine.ParseFailure>>

    init(_ buffer: UnsafeMutableBufferPointer<Result<JournalLine.Parsed, JournalLine.ParseFailure>>) { self.buffer = buffer }

    func set(_ index: Int, _ value: Result<JournalLine.Parsed, JournalLine.ParseFailure>) { buffer[index] = value }
}
