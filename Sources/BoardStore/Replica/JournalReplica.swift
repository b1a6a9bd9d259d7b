import BoardCore

/// A workspace's state kept from journal lines that live elsewhere (a database), judged as the
/// folder store judges its own: each line's checksum, its place in the chain, its signature and
/// whether the workspace accepts it. Lines to write are decided, signed and chained here too, so
/// a remote store only moves bytes. Use from one thread.
public final class JournalReplica {
    public private(set) var state: BoardState
    /// The last line accepted: its sequence number and hash.
    public private(set) var head = ChainHead.genesis
    /// Why writes are refused: a line of a newer mlboard, or a line the workspace refuses.
    public private(set) var readOnlyReason: String?

    private let lineChecker = LineChecker()
    private var lookups: StateIndex?
    private var stopped = false
    private let comments = CommentThreads()

    /// The comments up to this sequence number are not held: the replica began from a
    /// snapshot there (the state keeps only the comment counter). 0 when all are held.
    public private(set) var commentsMissingThrough: Int64 = 0

    public init(config: WorkspaceConfig) {
        state = BoardState(config: config)
    }

    /// Begins from a snapshot's state as of `head`.
    public init(snapshot: BoardState, at head: ChainHead) {
        state = snapshot
        self.head = head
        commentsMissingThrough = head.sequence
    }

    /// Adds the comments written up to `commentsMissingThrough`, read from `records` (which may
    /// hold other records too).
    public func fillEarlierComments(from records: [EventRecord]) {
        comments.insertEarlier(records.filter { $0.sequence <= commentsMissingThrough }.compactMap(\.comment))
        commentsMissingThrough = 0
    }

    /// Applies `lines` (each without its newline), which must follow the head one after another.
    /// Reading stops for good before a line the workspace refuses or a newer mlboard wrote;
    /// a line that fails its checksum or breaks the chain throws, and nothing after it is read.
    @discardableResult
    public func accept(_ lines: [[UInt8]], source: String) throws -> [EventRecord] {
        guard !stopped else { return [] }
        var parsed: [JournalLine.Parsed] = []
        for outcome in JournalLine.decodeAll(lines) {
            let expected = head.sequence + Int64(parsed.count) + 1
            switch outcome {
            case .success(let line):
                let previous = parsed.last?.hash ?? head.hash
                guard line.record.sequence == expected, line.prev == previous else {
                    throw StoreError.corrupt(file: source, sequence: expected, reason: "the line there does not follow the one before it in the hash chain")
                }
                parsed.append(line)
            case .failure(.unknownEvent(let type, _, _)):
                return stop(applying: parsed, reason: NewerEvent(type: type, sequence: expected).readOnlyReason)
            case .failure(let failure):
                throw StoreError.corrupt(file: source, sequence: expected, reason: "\(failure)")
            }
        }
        return apply(parsed)
    }

    /// The lines `plan` makes after the head, signed where `signers` can and must, with the records
    /// as written. Nothing is applied until `commit`. Throws `RuleViolation` when a rule says no.
    public func prepare(_ plan: [PlannedCommand], signers: SignerSource?) throws -> PreparedLines {
        if let readOnlyReason { throw StoreError.readOnly(readOnlyReason) }
        let records = try DecisionLoop.records(for: plan, state: state, index: stateIndex()).mapError(\.violation).get()
        let signing = WriterSigning(source: signers)
        var registry = state.signing
        var prepared = PreparedLines(after: head)
        for record in records {
            let line = try JournalLine.encode(record, previousHash: prepared.lastHash) { record, signedHash in
                try signing.signature(for: record, signedHash: signedHash, registry: registry)
            }
            registry.apply(record)
            var written = record
            written.signature = line.signature.map { .verified(fingerprint: $0.publicKey.fingerprint) } ?? .unsigned
            prepared.add(line: Array(line.bytes.dropLast()), hash: line.hash, record: written)
        }
        return prepared
    }

    /// Applies lines `prepare` made once they are stored; they must still follow the head.
    public func commit(_ prepared: PreparedLines) {
        precondition(prepared.start == head, "lines prepared after \(prepared.start.sequence), applied after \(head.sequence)")
        for (record, hash) in zip(prepared.records, prepared.hashes) { applyRecord(record, hash: hash) }
    }

    /// The comments on `target`, oldest first.
    public func comments(on target: CommentTarget) -> [Comment] { comments.on(target) }

    /// Every comment, in the order they were written.
    public func allComments() -> [Comment] { comments.all }

    /// `lines` from the first as records, each marked with what its signature proves against the
    /// keys registered before it (for exports and history).
    public static func markedRecords(_ lines: [[UInt8]]) -> [EventRecord] {
        var records: [EventRecord] = []
        var signatures: [LineSignature?] = []
        for line in lines {
            guard case .success(let parsed) = JournalLine.decode(line) else { break }
            records.append(parsed.record)
            signatures.append(parsed.signature)
        }
        var registry = KeyRegistry()
        return LineChecker().marked(records, signatures: signatures, registry: &registry)
    }

    /// The records of lines that need not follow one another (their signatures unjudged).
    public static func records(decoding lines: [[UInt8]]) -> [EventRecord] {
        lines.compactMap { line in
            if case .success(let parsed) = JournalLine.decode(line) { parsed.record } else { nil }
        }
    }

    // MARK: Applying

    private func apply(_ lines: [JournalLine.Parsed]) -> [EventRecord] {
        let checked = lineChecker.checkAll(lines.map(\.signature))
        var accepted: [EventRecord] = []
        for (index, line) in lines.enumerated() {
            var record = line.record
            record.signature = lineChecker.mark(of: record, checked: checked[index], registry: state.signing)
            if let reason = lineChecker.refusal(of: record, mark: record.signature, state: state) {
                return accepted + stop(applying: [], reason: RefusedLine(sequence: record.sequence, reason: reason).readOnlyReason)
            }
            applyRecord(record, hash: line.hash)
            accepted.append(record)
        }
        return accepted
    }

    private func stop(applying lines: [JournalLine.Parsed], reason: String) -> [EventRecord] {
        let accepted = apply(lines)
        if !stopped {
            stopped = true
            readOnlyReason = reason
        }
        return accepted
    }

    private func applyRecord(_ record: EventRecord, hash: String) {
        BoardCore.apply(record, to: &state)
        lookups?.note(record.event)
        comments.note(record)
        head = ChainHead(sequence: record.sequence, hash: hash)
    }

    private func stateIndex() -> StateIndex {
        if let lookups { return lookups }
        let built = StateIndex(of: state)
        lookups = built
        return built
    }
}

/// A place in the hash chain: a line's sequence number and hash (0 and the genesis hash before the first).
public struct ChainHead: Equatable, Sendable, CustomStringConvertible {
    public var sequence: Int64
    public var hash: String

    public static let genesis = ChainHead(sequence: 0, hash: JournalLine.genesisHash)

    public init(sequence: Int64, hash: String) {
        self.sequence = sequence
        self.hash = hash
    }

    public var description: String { "seq \(sequence)" }
}

/// Lines decided and signed, to be stored after `start`.
public struct PreparedLines: Sendable {
    public let start: ChainHead
    /// Each line's bytes without its newline.
    public private(set) var lines: [[UInt8]] = []
    public private(set) var hashes: [String] = []
    public private(set) var records: [EventRecord] = []

    init(after start: ChainHead) { self.start = start }

    var lastHash: String { hashes.last ?? start.hash }

    mutating func add(line: [UInt8], hash: String, record: EventRecord) {
        lines.append(line)
        hashes.append(hash)
        records.append(record)
    }
}
