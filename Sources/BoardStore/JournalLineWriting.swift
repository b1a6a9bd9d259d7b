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

    /// Records a batch is written in: while one thread chains, hashes and signs the lines of one
    /// chunk, the other cores make the openings of the next, and the chunk after it is decided.
    static let linesPerChunk = 512
    /// Openings each task makes at a time.
    private static let openingsPerTask = 64

    /// What a batch is written as: its records, their lines (one after another), the last line's
    /// hash, and each line's signature.
    struct Batch {
        var records: [EventRecord] = []
        var bytes: [UInt8] = []
        var hash: String
        var signatures: [SSHSignature?] = []
    }

    /// The lines for `records`, chained one to the next after `previousHash`.
    static func encode(_ records: [EventRecord], after previousHash: String, signing: Signing? = nil) throws -> Batch {
        var rest = records[...]
        return try encode(chunks: {
            guard !rest.isEmpty else { return nil }
            defer { rest = rest.dropFirst(linesPerChunk) }
            return Array(rest.prefix(linesPerChunk))
        }, after: previousHash, signing: signing)
    }

    /// The lines for the records `nextChunk` gives, a chunk at each call until it gives nil,
    /// chained one to the next after `previousHash`. Each line follows the one before it (its
    /// `prev`, and so its signature, is that line's hash), so lines are finished one after
    /// another, in order, on one thread; meanwhile the other cores make the next chunk's
    /// openings and call `nextChunk` for the chunk after it (never two calls at once). An error
    /// `nextChunk` throws is thrown as soon as it comes; one from finishing a line only once
    /// `nextChunk` has given all its chunks, so a caller that decides the records as it gives
    /// them reports a refusal before a signature it could not make, as if it had decided first.
    static func encode(
        chunks nextChunk: () throws -> [EventRecord]?, after previousHash: String, signing: Signing? = nil
    ) throws -> Batch {
        try withoutActuallyEscaping(nextChunk) { nextChunk in
            let source = ChunkSource(nextChunk)
            let batch = ChainedBatch(previousHash: previousHash, signing: signing)
            guard var current = try nextChunk() else { return batch.made }
            var finishing: (any Error)?  // the first error of finishing lines or making openings
            var openings: [[UInt8]] = []
            do { openings = try current.map { try opening(of: $0) } } catch { finishing = error }
            var next = try nextChunk()
            while true {
                let upcoming = finishing == nil ? next ?? [] : []
                let tasks = 2 + (upcoming.count + openingsPerTask - 1) / openingsPerTask
                var nextOpenings = [[UInt8]](repeating: [], count: upcoming.count)
                let failures = TaskFailures(count: tasks)
                nextOpenings.withUnsafeMutableBufferPointer { slots in
                    let slots = OpeningSlots(slots)
                    let (chunk, chunkOpenings, finishes, makes) = (current, openings, finishing == nil, next != nil)
                    DispatchQueue.concurrentPerform(iterations: tasks) { task in
                        do {
                            switch task {
                            case 0: if finishes { try batch.finish(chunk, openings: chunkOpenings) }
                            case 1: if makes { try source.make() }
                            default: try makeOpenings(of: upcoming, into: slots, task: task - 2)
                            }
                        } catch {
                            failures.set(task, error)
                        }
                    }
                }
                if let refusal = failures.error(of: 1) { throw refusal }
                finishing = finishing ?? failures.first
                guard let following = next else { break }
                (current, openings, next) = (following, nextOpenings, source.take())
            }
            if let finishing { throw finishing }
            return batch.made
        }
    }

    /// Task `task`'s openings of `records`, each into its own slot.
    private static func makeOpenings(of records: [EventRecord], into slots: OpeningSlots, task: Int) throws {
        let first = task * openingsPerTask
        guard first < records.count else { return }
        for offset in first ..< min(first + openingsPerTask, records.count) {
            slots.set(offset, try opening(of: records[offset]))
        }
    }

    /// The chunks of a batch, made by one task at a time.
    private final class ChunkSource: @unchecked Sendable {
        private let nextChunk: () throws -> [EventRecord]?
        private var made: [EventRecord]?

        init(_ nextChunk: @escaping () throws -> [EventRecord]?) { self.nextChunk = nextChunk }

        func make() throws { made = try nextChunk() }

        /// The chunk `make` made, if any; nil when there are no more.
        func take() -> [EventRecord]? {
            defer { made = nil }
            return made
        }
    }

    /// The batch being written: touched by one thread at a time (the one finishing lines).
    private final class ChainedBatch: @unchecked Sendable {
        let signing: Signing?
        var made: Batch

        init(previousHash: String, signing: Signing?) {
            self.signing = signing
            made = Batch(hash: previousHash)
        }

        func finish(_ records: [EventRecord], openings: [[UInt8]]) throws {
            for (record, opening) in zip(records, openings) {
                let openingStart = made.bytes.count
                made.bytes += opening
                let line = try finishLine(record, openingStart: openingStart, previousHash: made.hash, signing: signing, in: &made.bytes)
                made.hash = line.hash
                made.records.append(record)
                made.signatures.append(line.signature)
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

    func error(of task: Int) -> (any Error)? { lock.withLock { errors[task] } }

    /// The error of the task with the lowest number that threw.
    var first: (any Error)? { lock.withLock { errors.lazy.compactMap { $0 }.first } }
}
