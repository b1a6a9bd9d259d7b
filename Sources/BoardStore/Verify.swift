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

    public var passed: Bool { problems.isEmpty }
}

extension WorkspaceStore {
    /// Checks the chain and every checksum, replays the journal, and compares the snapshot
    /// with the replayed state at the snapshot's sequence number. Reads only.
    public static func verify(_ directory: DataDirectory) throws -> VerifyReport {
        let config = try ConfigFile.read(from: directory.configURL)
        let scan = try JournalReader.scanThroughReserve(directory.journalURL, from: .start)
        var problems: [String] = []
        var firstBad: Int64?
        if let corruption = scan.corruption {
            problems.append(corruption.description)
            if case .corrupt(_, let sequence, _) = corruption { firstBad = sequence }
        }
        var snapshotVerdict = "none"
        let snapshotRead = Snapshot.read(from: directory.snapshotURL, journal: directory.journalURL)
        var replayed = BoardState(config: config)
        var snapshotChecked = false
        for record in scan.records {
            BoardCore.apply(record, to: &replayed)
            if case .success(let snapshot) = snapshotRead, snapshot.position.sequence == record.sequence {
                snapshotChecked = true
                snapshotVerdict = agreement(snapshot, replayed)
            }
        }
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
            problems.append("snapshot: \(snapshotVerdict) (delete snapshot.bin or run 'mlboard compact' to rebuild it)")
        }
        return VerifyReport(
            events: scan.end.sequence, lastHash: scan.end.hash, firstBadSequence: firstBad,
            tornTailBytes: scan.corruption == nil ? scan.pendingBytes : 0, snapshot: snapshotVerdict, problems: problems)
    }

    private static func agreement(_ snapshot: Snapshot, _ replayed: BoardState) -> String {
        var stored = snapshot.state
        stored.config = replayed.config
        return stored == replayed
            ? "agrees with the journal at sequence \(snapshot.position.sequence)"
            : "differs from a replay of the journal at sequence \(snapshot.position.sequence)"
    }
}
