import BoardCore
import Foundation

/// State as of some journal position, so opening need not replay the whole journal.
struct Snapshot: Codable {
    static let format = 1

    var format: Int
    var position: JournalPosition
    var state: BoardState

    static func write(_ state: BoardState, at position: JournalPosition, to url: URL) throws {
        let snapshot = Snapshot(format: format, position: position, state: state)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try AtomicFile.write(try encoder.encode(snapshot), to: url)
    }

    /// The snapshot, or nil with the reason when it is missing or unusable.
    static func read(from url: URL, journal: URL) -> Result<Snapshot, SnapshotProblem> {
        guard let data = FileManager.default.contents(atPath: url.path) else { return .failure(.missing) }
        guard let snapshot = try? JSONDecoder().decode(Snapshot.self, from: data), snapshot.format == format else {
            return .failure(.unreadable)
        }
        guard snapshot.state.lastSequence == snapshot.position.sequence,
              let hash = try? JournalReader.hashOfLine(endingAt: snapshot.position.offset, in: journal),
              hash == snapshot.position.hash
        else { return .failure(.disagreesWithJournal(snapshot.position.sequence)) }
        return .success(snapshot)
    }
}

enum SnapshotProblem: Error, Equatable, CustomStringConvertible {
    case missing
    case unreadable
    case disagreesWithJournal(Int64)

    var description: String {
        switch self {
        case .missing: "no snapshot"
        case .unreadable: "the snapshot cannot be read"
        case .disagreesWithJournal(let sequence): "the snapshot at sequence \(sequence) does not match the journal"
        }
    }
}
