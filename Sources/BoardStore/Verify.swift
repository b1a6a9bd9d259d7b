import BoardCore
import Foundation

/// What `mlboard verify` found.
public struct VerifyReport: Equatable, Sendable, Codable {
    public var events: Int64
    public var lastHash: String
    /// Sequence number of the first bad line, when history is damaged.
    public var firstBadSequence: Int64?
    public var tornTailBytes: UInt64
    public var snapshot: String
    public var problems: [String]
    /// What this machine saw of the journal before (its seen marker), and any standing alarm.
    public var seenByThisMachine: String?
    public var rollbackAlarm: String?
    /// What the lines' signatures prove, and who signed.
    public var signatures: SignatureCounts
    /// The workspace's root key, and whether this machine pinned another one.
    public var rootKey: String?
    public var rootChange: String?

    public var passed: Bool { problems.isEmpty }
}

/// Counts of the journal's lines by what their signatures prove.
public struct SignatureCounts: Equatable, Sendable, Codable {
    public var policy: SignaturePolicy = .off
    public var verified = 0
    public var unsigned = 0
    public var bad = 0
    /// Who signed verified lines, with which key, and how many; by handle, then fingerprint.
    public var signers: [Signer] = []

    public struct Signer: Equatable, Sendable, Codable {
        public var handle: String
        public var fingerprint: String
        public var lines: Int
    }

    mutating func count(_ record: EventRecord) {
        switch record.signature {
        case .unsigned: unsigned += 1
        case .bad: bad += 1
        case .verified(let fingerprint):
            verified += 1
            if let index = signers.firstIndex(where: { $0.fingerprint == fingerprint && $0.handle == record.actor.handle }) {
                signers[index].lines += 1
            } else {
                signers.append(Signer(handle: record.actor.handle, fingerprint: fingerprint, lines: 1))
                signers.sort { ($0.handle, $0.fingerprint) < ($1.handle, $1.fingerprint) }
            }
        }
    }
}

extension WorkspaceStore {
    /// Checks the chain and every checksum, replays the journal, and compares the snapshot
    /// with the replayed state at the snapshot's sequence number. Reads only.
    public static func verify(
        _ directory: DataDirectory, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> VerifyReport {
        try verify(directory, environment: environment, batchBytes: JournalReader.batchBytes).report
    }

    /// The same, reading the journal `batchBytes` at a time, with the most lines it held at once:
    /// the lines are judged and applied as they are read, so memory follows the replayed state
    /// and one batch, not the journal.
    static func verify(
        _ directory: DataDirectory, environment: [String: String], batchBytes: Int
    ) throws -> (report: VerifyReport, mostLinesHeld: Int) {
        let folder = try WorkspaceFolder.open(directory.path)
        let config = try ConfigFile.read(from: folder).config
        let seen = SeenMarker.files(for: directory, environment: environment)
        let marker = SeenMarker.load(from: seen.marker).flatMap { $0.directory == directory.path ? $0 : nil }
        var hashAtSeen = marker?.sequence == 0 ? JournalLine.genesisHash : nil
        var snapshotVerdict = "none"
        let snapshotRead = Snapshot.read(from: SnapshotCache.url(for: directory, environment: environment), journal: folder)
        var replayed = BoardState(config: config)
        var snapshotChecked = false
        var counts = SignatureCounts()
        var refused: RefusedLine?
        var mostLinesHeld = 0
        let checker = LineChecker()
        let scan = try JournalReader.scanInBatches(folder, from: .start, batchBytes: batchBytes) { batch in
            mostLinesHeld = max(mostLinesHeld, batch.records.count)
            let checked = checker.checkAll(batch.signatures)
            for (index, var record) in batch.records.enumerated() {
                if record.sequence == marker?.sequence { hashAtSeen = batch.hashes[index] }
                record.signature = checker.mark(of: record, checked: checked[index], registry: replayed.signing)
                counts.count(record)
                if refused == nil, let reason = checker.refusal(of: record, mark: record.signature, state: replayed) {
                    refused = RefusedLine(sequence: record.sequence, reason: reason)
                }
                guard refused == nil else { continue }  // lines after a refused one are counted, not applied
                BoardCore.apply(record, to: &replayed)
                if case .success(let snapshot) = snapshotRead, snapshot.position.sequence == record.sequence {
                    snapshotChecked = true
                    snapshotVerdict = agreement(snapshot, replayed)
                }
            }
        }
        var problems: [String] = []
        var firstBad: Int64?
        if let corruption = scan.corruption {
            problems.append(corruption.description)
            if case .corrupt(_, let sequence, _) = corruption { firstBad = sequence }
        }
        if let newer = scan.newerEvent {
            problems.append("sequence \(newer.sequence) is an event of type \(newer.type), which this mlboard does not know: "
                + "a newer mlboard wrote it, and nothing from there on was checked; upgrade to verify it")
            firstBad = newer.sequence
        }
        var alarm = HeadAlarm.current(in: seen)
        if alarm == nil, let marker {
            alarm = marker.warning(journalEnd: scan.end.sequence, hashAtSeen: hashAtSeen)
        }
        if let alarm { problems.append(HeadAlarm.refusal(alarm)) }
        counts.policy = replayed.signing.policy
        if let refused {
            problems.append("sequence \(refused.sequence) is refused: \(refused.reason)")
            firstBad = min(firstBad ?? refused.sequence, refused.sequence)
        }
        let pinned = RootPin.load(from: seen)
        let rootChange = pinned != nil && pinned != replayed.signing.root
            ? "this machine pinned the root key \(pinned ?? ""), but the journal's root is \(replayed.signing.root ?? "none"); accept it with --accept-root"
            : nil
        if let rootChange { problems.append(rootChange) }
        switch snapshotRead {
        case .success(let snapshot) where snapshot.position.sequence == 0:
            snapshotVerdict = agreement(snapshot, BoardState(config: config))
        case .success(let snapshot) where !snapshotChecked:
            snapshotVerdict = "snapshot at sequence \(snapshot.position.sequence) is beyond the journal's good lines"
        case .failure(.missing), .success:
            break
        case .failure(let problem):
            snapshotVerdict = problem.description
        }
        if snapshotVerdict != "none" && !snapshotVerdict.hasPrefix("agrees") {
            problems.append("snapshot: \(snapshotVerdict) (it is only this user's cache: run 'mlboard compact' to rebuild it)")
        }
        let report = VerifyReport(
            events: scan.end.sequence, lastHash: scan.end.hash, firstBadSequence: firstBad,
            tornTailBytes: scan.corruption == nil ? scan.pendingBytes : 0, snapshot: snapshotVerdict, problems: problems,
            seenByThisMachine: marker.map { "sequence \($0.sequence) (hash \($0.hash.prefix(12)))" }, rollbackAlarm: alarm,
            signatures: counts, rootKey: replayed.signing.root, rootChange: rootChange)
        return (report, mostLinesHeld)
    }

    private static func agreement(_ snapshot: Snapshot, _ replayed: BoardState) -> String {
        var stored = snapshot.state
        stored.config = replayed.config
        return stored == replayed
            ? "agrees with the journal at sequence \(snapshot.position.sequence)"
            : "differs from a replay of the journal at sequence \(snapshot.position.sequence)"
    }
}
