import BoardCore
import Crypto
import Foundation

extension JournalLine {
    /// The rest of a body after its opening: `,"prev":"..","seq":N,"sig":"..","type":".."}`,
    /// written as `CanonicalJSON` writes `Body` (the last three are strings that need no escaping,
    /// but are escaped as any string would be).
    private static func appendTail(
        prev: String, sequence: Int64, sig: String?, type: String, to body: inout [UInt8]
    ) {
        body += prevKey
        CanonicalJSON.appendString(prev, to: &body)
        body += seqKey
        body += sequence.description.utf8
        if let sig {
            body += sigKey
            CanonicalJSON.appendString(sig, to: &body)
        }
        body += typeKey
        CanonicalJSON.appendString(type, to: &body)
        body.append(UInt8(ascii: "}"))
    }

    private static let prevKey = Array(#","prev":"#.utf8)
    private static let seqKey = Array(#","seq":"#.utf8)
    private static let sigKey = Array(#","sig":"#.utf8)
    private static let typeKey = Array(#","type":"#.utf8)
    private static let lineEnd = Array("\"}\n".utf8)

    /// Appends the line for `record` (its body, its hash and a newline) after `opening`, which
    /// `output` already ends in from `openingStart` on. The body is hashed where it is written;
    /// a signed line is hashed without its `sig` first, for the signature, then again with it.
    /// Returns the line's hash and the signature made.
    private static func finishLine(
        _ record: EventRecord, openingStart: Int, previousHash: String, signing: Signing?, in output: inout [UInt8]
    ) throws -> (hash: String, signature: SSHSignature?) {
        let type = record.event.typeName
        let tailStart = output.count
        appendTail(prev: previousHash, sequence: record.sequence, sig: nil, type: type, to: &output)
        var signature: SSHSignature?
        if let signing {
            signature = try signing(record, hexDigest(of: output, from: openingStart))
            if let signature {
                output.removeSubrange(tailStart...)
                appendTail(prev: previousHash, sequence: record.sequence, sig: signature.base64, type: type, to: &output)
            }
        }
        let hash = hexDigest(of: output, from: openingStart)
        output.removeLast()  // the closing brace
        output += hashMarker
        output += hash.utf8
        output += lineEnd
        return (hash, signature)
    }

    /// The bytes of the line for `record`, ending in a newline, its hash, and the signature made.
    static func encode(
        _ record: EventRecord, previousHash: String, signing: Signing? = nil
    ) throws -> (bytes: [UInt8], hash: String, signature: SSHSignature?) {
        var line = try opening(of: record)
        line.reserveCapacity(line.count + 512)
        let (hash, signature) = try finishLine(record, openingStart: 0, previousHash: previousHash, signing: signing, in: &line)
        return (line, hash, signature)
    }

    /// Lines a batch is written in: while one thread chains, hashes and signs the lines of one
    /// chunk, the other cores make the openings of the next.
    static let linesPerChunk = 512
    /// Openings each task makes at a time.
    private static let openingsPerTask = 64

    /// The lines for `records`, chained one to the next after `previousHash`, the last line's
    /// hash, and each line's signature. Each line follows the one before it (its `prev`, and so
    /// its signature, is that line's hash), so lines are finished one after another, in order;
    /// only their openings are made ahead, on other threads.
    static func encode(
        _ records: [EventRecord], after previousHash: String, signing: Signing? = nil
    ) throws -> (bytes: [UInt8], hash: String, signatures: [SSHSignature?]) {
        let batch = ChainedBatch(records: records, previousHash: previousHash, signing: signing)
        var chunkStart = 0
        var openings = try batch.openings(from: 0)
        while chunkStart < records.count {
            let nextStart = chunkStart + linesPerChunk
            guard nextStart < records.count else {  // the last chunk: nothing to make ahead
                try batch.finish(from: chunkStart, openings: openings)
                break
            }
            let tasks = openingTasks
            // Task 0 finishes this chunk's lines; the others make the next chunk's openings.
            var next = [[UInt8]](repeating: [], count: min(linesPerChunk, records.count - nextStart))
            let failures = TaskFailures(count: tasks + 1)
            next.withUnsafeMutableBufferPointer { slots in
                let nextSlots = OpeningSlots(slots)
                let current = openings
                let chunk = chunkStart
                DispatchQueue.concurrentPerform(iterations: tasks + 1) { task in
                    do {
                        if task == 0 {
                            try batch.finish(from: chunk, openings: current)
                        } else {
                            try batch.makeOpenings(into: nextSlots, from: nextStart, task: task - 1)
                        }
                    } catch {
                        failures.set(task, error)
                    }
                }
            }
            if let failure = failures.first { throw failure }
            openings = next
            chunkStart = nextStart
        }
        return (batch.bytes, batch.hash, batch.signatures)
    }

    private static var openingTasks: Int { (linesPerChunk + openingsPerTask - 1) / openingsPerTask }

    /// The state of a batch being written: touched by one thread at a time (the one finishing
    /// lines), except for `records`, which every thread only reads.
    private final class ChainedBatch: @unchecked Sendable {
        let records: [EventRecord]
        let signing: Signing?
        var bytes: [UInt8] = []
        var hash: String
        var signatures: [SSHSignature?] = []

        init(records: [EventRecord], previousHash: String, signing: Signing?) {
            self.records = records
            self.hash = previousHash
            self.signing = signing
            signatures.reserveCapacity(records.count)
        }

        /// The openings of the chunk from `start`, made on the calling thread.
        func openings(from start: Int) throws -> [[UInt8]] {
            try records[start ..< min(start + linesPerChunk, records.count)].map { try opening(of: $0) }
        }

        func makeOpenings(into slots: OpeningSlots, from start: Int, task: Int) throws {
            let first = task * openingsPerTask
            guard first < slots.count else { return }  // the last chunk may be short
            for offset in first ..< min(first + openingsPerTask, slots.count) {
                slots.set(offset, try opening(of: records[start + offset]))
            }
        }

        func finish(from start: Int, openings: [[UInt8]]) throws {
            for (offset, opening) in openings.enumerated() {
                let openingStart = bytes.count
                bytes += opening
                let line = try finishLine(records[start + offset], openingStart: openingStart, previousHash: hash,
                                          signing: signing, in: &bytes)
                hash = line.hash
                signatures.append(line.signature)
            }
        }
    }

    /// The SHA-256, in hex, of `bytes` from `start` to the end, without copying them.
    private static func hexDigest(of bytes: [UInt8], from start: Int) -> String {
        let digest = bytes.withUnsafeBytes { SHA256.hash(data: UnsafeRawBufferPointer(rebasing: $0[start...])) }
        return hex(digest)
    }
}

/// The next chunk's openings, written by several threads, each to slots of its own.
private struct OpeningSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<[UInt8]>

    init(_ buffer: UnsafeMutableBufferPointer<[UInt8]>) { self.buffer = buffer }

    var count: Int { buffer.count }

    func set(_ index: Int, _ value: [UInt8]) { buffer[index] = value }
}

/// The error each task of a `concurrentPerform` threw, if any.
private final class TaskFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [(any Error)?]

    init(count: Int) { errors = Array(repeating: nil, count: count) }

    func set(_ task: Int, _ error: any Error) { lock.withLock { errors[task] = error } }

    /// The first task's error: finishing lines (task 0) before making openings.
    var first: (any Error)? { lock.withLock { errors.lazy.compactMap { $0 }.first } }
}
