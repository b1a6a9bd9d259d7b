import BoardNetwork
import PostgresNIO

/// Anything that kept an operation on the PostgreSQL journal from completing: the message
/// names the server and says what happened, so the CLI can print it and exit 3. Nothing is
/// half-written: an append either committed whole or not at all, and `outcomeUnknown` says
/// when the connection dropped after COMMIT was sent, so only the head can tell which.
public struct PostgresStoreError: Error, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// No connection could be made (refused, unreachable, timed out).
        case unreachable
        /// The connection broke during an operation; it was rolled back.
        case dropped
        /// The server is shutting down, starting up or in recovery.
        case restarting
        /// The server refused who we are (authentication, no such database, no rights).
        case refused
        /// The connection broke after COMMIT was sent: the append may or may not be there.
        case outcomeUnknown
        /// The server cancelled the statement (its statement_timeout, or someone cancelled it):
        /// nothing of it was stored, and the connection is still good.
        case timedOut
        /// The database holds no mlboard schema, or one this build does not know.
        case schema
        /// Anything else the server reported.
        case server
    }

    public let server: String
    public let kind: Kind
    public let detail: String

    public init(server: String, kind: Kind, detail: String) {
        self.server = server
        self.kind = kind
        self.detail = detail
    }

    public var description: String { "PostgreSQL at \(server): \(detail)" }

    /// Whether the connection that saw this error is of no further use.
    var losesConnection: Bool { [.unreachable, .dropped, .restarting, .outcomeUnknown].contains(kind) }

    /// Reads what postgres-nio (or the network below it) threw.
    init(_ error: any Error, server: String, duringCommit: Bool = false) {
        if let error = error as? PostgresStoreError {
            self = error
            return
        }
        let classified = Self.classify(error)
        if duringCommit && [.dropped, .unreachable, .restarting].contains(classified.kind) {
            self.init(server: server, kind: .outcomeUnknown,
                      detail: "the connection broke while committing (\(classified.detail)); the append may or may not have been stored: read the head to know")
        } else {
            self.init(server: server, kind: classified.kind, detail: classified.detail)
        }
    }

    private static func classify(_ error: any Error) -> (kind: Kind, detail: String) {
        guard let error = error as? PSQLError else {
            return (.dropped, "the connection failed: \(error)")
        }
        switch error.code {
        case .connectionError:
            return (.unreachable, "cannot connect: \(error.underlying.map(NetworkFailure.reason) ?? "no reason given")")
        case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
            return (.dropped, "the connection was closed; nothing of the operation in progress was stored")
        case .server:
            return classifyServerError(error)
        case .authMechanismRequiresPassword:
            return (.refused, "the server asks for a password; set PGPASSWORD or add a line to ~/.pgpass (or PGPASSFILE)")
        case .sslUnsupported:
            return (.refused, "the server does not offer SSL, which sslmode asks for")
        default:
            return (.server, "\(error.code)")
        }
    }

    private static func classifyServerError(_ error: PSQLError) -> (kind: Kind, detail: String) {
        let state = error.serverInfo?[.sqlState] ?? ""
        let message = error.serverInfo?[.message] ?? "no message"
        switch state {
        case "57P01":  // a shutdown, or pg_terminate_backend
            return (.dropped, "the server ended the connection (\(message)); nothing of the operation in progress was stored")
        case "57P02":
            return (.restarting, "the server is restarting after a crash (\(message)); nothing of the operation in progress was stored")
        case "57014":
            return (.timedOut, "the server cancelled the operation (\(message)); nothing of it was stored")
        case "57P03":
            return (.restarting, "the server is starting up or in recovery (\(message))")
        case _ where state.hasPrefix("08"):
            return (.dropped, "the connection failed (\(message))")
        case _ where state.hasPrefix("28"), "3D000", "42501":
            return (.refused, message)
        case "42P01":
            return (.schema, "the database holds no mlboard schema (\(message)); create it first")
        default:
            return (.server, "\(message) (SQLSTATE \(state))")
        }
    }
}
