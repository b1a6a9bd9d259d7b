import BoardCore
import Foundation

/// State as of some journal position, so opening need not replay the whole journal.
///
/// The file is a header line, `{"format":2,"position":{...},"stateSHA256":"..."}`, then the
/// state as JSON. The header's hash covers the state's bytes exactly, so a damaged snapshot
/// is never trusted: it is ignored and the state is rebuilt from the journal.
struct Snapshot {
    static let format = 2

    var position: JournalPosition
    var state: BoardState

    private struct Header: Codable {
        var format: Int
        var position: JournalPosition
        var stateSHA256: String
    }

    static func write(_ state: BoardState, at position: JournalPosition, to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = try encoder.encode(state)
        let header = try encoder.encode(Header(format: format, position: position, stateSHA256: JournalLine.hexDigest(body)))
        try AtomicFile.write(header + Data("\n".utf8) + body, to: url)
    }

    /// The snapshot, or nil with the reason when it is missing or unusable.
    static func read(from url: URL, journal: URL) -> Result<Snapshot, SnapshotProblem> {
        guard let data = FileManager.default.contents(atPath: url.path) else { return .failure(.missing) }
        guard let newline = data.firstIndex(of: UInt8(ascii: "\n")),
              let header = try? JSONDecoder().decode(Header.self, from: data[data.startIndex ..< newline]),
              header.format == format
        else { return .failure(.unreadable) }
        let body = data[data.index(after: newline)...]
        guard JournalLine.hexDigest(body) == header.stateSHA256 else { return .failure(.checksum) }
        guard let state = try? JSONDecoder().decode(BoardState.self, from: body) else { return .failure(.unreadable) }
        guard state.lastSequence == header.position.sequence,
              let hash = try? JournalReader.hashOfLine(endingAt: header.position.offset, in: journal),
              hash == header.position.hash
        else { return .failure(.disagreesWithJournal(header.position.sequence)) }
        return .success(Snapshot(position: header.position, state: state))
    }
}

enum SnapshotProblem: Error, Equatable, CustomStringConvertible {
    case missing
    case unreadable
    case checksum
    case disagreesWithJournal(Int64)

    var description: String {
        switch self {
        case .missing: "no snapshot"
        case .unreadable: "the snapshot cannot be read"
        case .checksum: "the snapshot's checksum does not match its content"
        case .disagreesWithJournal(let sequence): "the snapshot at sequence \(sequence) does not match the journal"
        }
    }
}
