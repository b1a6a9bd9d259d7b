import BoardCore
import Foundation

/// A workspace's whole journal, for a copy that keeps every author's signature: what
/// `mlboard export --format journal` writes and `mlboard import` copies verbatim into an empty
/// workspace. One header line (the format, the number of lines and the workspace configuration,
/// which the journal does not hold), then the journal's lines exactly as they are in journal.jsonl.
public struct JournalExport: Equatable, Sendable {
    public static let formatName = "mlboard-journal"
    public static let currentVersion = 1
    public static let fileName = "mlboard-journal.jsonl"

    public var workspace: WorkspaceConfig
    /// The journal's lines, each ending in a newline.
    public var lines: [UInt8]

    public init(workspace: WorkspaceConfig, lines: [UInt8]) {
        self.workspace = workspace
        self.lines = lines
    }

    /// How many lines there are.
    public var events: Int { lines.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } }

    private struct Header: Codable {
        var format: String
        var version: Int
        var events: Int
        var workspace: WorkspaceConfig
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]  // one line
        var data = try encoder.encode(Header(format: Self.formatName, version: Self.currentVersion, events: events, workspace: workspace))
        data.append(0x0A)
        data.append(contentsOf: lines)
        return data
    }

    /// Whether `data` starts with a journal export's header line.
    public static func isOne(_ data: Data) -> Bool {
        struct Format: Decodable { var format: String? }
        let first = data.prefix { $0 != 0x0A }
        return (try? JSONDecoder().decode(Format.self, from: first))?.format == formatName
    }

    /// Reads an export, refusing newer versions and a file cut short with a sentence saying so.
    public static func decode(_ data: Data) throws -> JournalExport {
        let first = data.prefix { $0 != 0x0A }
        guard first.count < data.count else { throw ExchangeError.unreadable("a journal export needs a header line and the journal's lines") }
        struct Version: Decodable { var format: String?; var version: Int? }
        let version = try? JSONDecoder().decode(Version.self, from: first)
        guard version?.format == formatName else {
            throw ExchangeError.unreadable("not an mlboard journal export (its first line's \"format\" must be \"\(formatName)\")")
        }
        guard let number = version?.version, number <= currentVersion else {
            throw ExchangeError.unreadable("journal export version \(version?.version ?? 0) is newer than this mlboard reads (\(currentVersion))")
        }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: first)
        } catch {
            throw ExchangeError.unreadable("its header line is not a journal export's: \(error)")
        }
        let export = JournalExport(workspace: header.workspace, lines: Array(data[(data.startIndex + first.count + 1)...]))
        guard export.events == header.events else {
            throw ExchangeError.unreadable("it holds \(export.events) journal lines where its header says \(header.events): it was cut short or changed")
        }
        return export
    }
}
