import BoardCore
import Foundation

/// The whole state of a workspace in one versioned JSON object: what `mlboard export --format json`
/// writes and `mlboard import` reads back. Times are milliseconds since 1970-01-01 UTC. Lists are
/// sorted (by slug, handle, id number or version), so equal states give byte-equal files.
/// The journal's own bookkeeping (sequence numbers, activity feed, OS users) is not part of it.
public struct ExportDocument: Codable, Equatable, Sendable {
    public static let formatName = "mlboard-export"
    public static let currentVersion = 1

    public var format: String
    public var version: Int
    /// The workspace configuration: vocabularies and promotion policy.
    public var workspace: WorkspaceConfig
    public var projects: [Project]
    public var stakeholders: [Stakeholder]
    public var assignments: [Assignment]
    public var models: [MLModel]
    public var versions: [ModelVersion]
    public var requests: [PromotionRequest]
    public var challenges: [Challenge]
    public var comments: [Comment]
    /// Every stage move in the order it happened: the audit trail of promotions and rollbacks.
    public var stageMoves: [StageMove]

    /// The export of `state`, with its `comments` (history the state does not hold; see
    /// `WorkspaceStore.allComments`).
    public init(state: BoardState, comments: [Comment]) {
        format = Self.formatName
        version = Self.currentVersion
        workspace = state.config
        projects = state.projects.values.sorted { $0.slug < $1.slug }
        stakeholders = state.stakeholders.values.sorted { $0.handle < $1.handle }
        assignments = state.assignments.values.sorted {
            ($0.project, $0.step, $0.stakeholder) < ($1.project, $1.step, $1.stakeholder)
        }
        models = state.models.values.sorted { $0.slug < $1.slug }
        versions = state.versions.values.sorted { $0.ref < $1.ref }
        requests = state.requests.values.sorted { ExchangeIds.number($0.id) < ExchangeIds.number($1.id) }
        challenges = state.challenges.values.sorted { ExchangeIds.number($0.id) < ExchangeIds.number($1.id) }
        self.comments = comments.sorted { ExchangeIds.number($0.id) < ExchangeIds.number($1.id) }
        stageMoves = state.stageMoves
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads an export, refusing other formats and newer versions with a sentence saying so.
    public static func decode(_ data: Data) throws -> ExportDocument {
        struct Header: Decodable { var format: String?; var version: Int? }
        let header = try? JSONDecoder().decode(Header.self, from: data)
        guard header?.format == formatName else {
            throw ExchangeError.unreadable("not an mlboard export (its \"format\" must be \"\(formatName)\")")
        }
        guard let version = header?.version, version <= currentVersion else {
            throw ExchangeError.unreadable("export version \(header?.version ?? 0) is newer than this mlboard reads (\(currentVersion))")
        }
        do {
            return try JSONDecoder().decode(ExportDocument.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw ExchangeError.unreadable("missing \"\(key.stringValue)\" at \(ExchangeError.path(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
                let DecodingError.dataCorrupted(context) {
            throw ExchangeError.unreadable("\(context.debugDescription) at \(ExchangeError.path(context.codingPath))")
        }
    }
}

enum ExchangeIds {
    /// The number in a generated id such as "PR-12".
    static func number(_ id: String) -> Int { Int(id.split(separator: "-").last ?? "") ?? 0 }
}

/// A file that cannot be read as an export or a table at all (as opposed to a row a rule refuses).
public enum ExchangeError: Error, Equatable, CustomStringConvertible {
    case unreadable(String)

    public var description: String {
        switch self { case .unreadable(let why): why }
    }

    static func path(_ keys: [CodingKey]) -> String {
        keys.isEmpty ? "the top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}
