import Foundation

/// Where a workspace's journal lives on PostgreSQL, from a URL of the form
/// `postgresql://USER@HOST:PORT/DB?sslmode=MODE`, read as libpq reads it: the user defaults
/// to PGUSER or the login name, the port to 5432, the database to the user's name, and sslmode
/// to `prefer`. A password never comes from the URL (it would end up in files mlboard writes):
/// see `PostgresPassword`.
public struct PostgresLocation: Equatable, Sendable, CustomStringConvertible {
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    public var sslMode: SSLMode

    public init(host: String, port: Int = 5432, user: String, database: String, sslMode: SSLMode = .prefer) {
        self.host = host
        self.port = port
        self.user = user
        self.database = database
        self.sslMode = sslMode
    }

    /// A URL that is not one, said so that a person can fix it.
    public struct Invalid: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(Invalid) {
        guard let components = URLComponents(string: text),
              let scheme = components.scheme, ["postgresql", "postgres"].contains(scheme)
        else { throw Invalid(description: "'\(text)' is not a postgresql:// URL") }
        guard components.password == nil else {
            throw Invalid(description: "'\(text)' holds a password; give it in PGPASSWORD or a .pgpass file instead")
        }
        let user = components.user.flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["PGUSER"] ?? environment["USER"] ?? environment["LOGNAME"]
        guard let user else { throw Invalid(description: "'\(text)' names no user, and neither PGUSER nor USER is set") }
        let host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        var database = components.path
        if database.hasPrefix("/") { database.removeFirst() }
        var sslMode = SSLMode.prefer
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode" else {
                throw Invalid(description: "'\(text)': mlboard does not know the option '\(item.name)' (only sslmode)")
            }
            guard let mode = item.value.flatMap(SSLMode.init(rawValue:)) else {
                let known = SSLMode.allCases.map(\.rawValue).joined(separator: ", ")
                throw Invalid(description: "'\(text)': sslmode must be one of \(known)")
            }
            sslMode = mode
        }
        self.init(host: host, port: components.port ?? 5432, user: user,
                  database: database.isEmpty ? user : database, sslMode: sslMode)
    }

    /// The server and database, as error messages name them (never with a password).
    public var description: String { "postgresql://\(user)@\(host):\(port)/\(database)" }
}
