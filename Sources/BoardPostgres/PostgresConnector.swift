import PostgresNIO

/// Opens connections to a location, with the password and TLS that libpq's conventions give.
struct PostgresConnector: Sendable {
    let location: PostgresLocation
    private let password: String?
    private let statementTimeout: Duration?

    /// `statementTimeout`, when given, is the server's own limit on each statement: set below
    /// the client's deadline, the server gives up first and says so, so a statement that is its
    /// own transaction cannot commit after the client has stopped waiting for it.
    init(location: PostgresLocation, environment: [String: String], statementTimeout: Duration? = nil) {
        self.location = location
        self.password = PostgresPassword.lookUp(for: location, environment: environment)
        self.statementTimeout = statementTimeout
    }

    /// How mlboard's connections show in pg_stat_activity.
    static let applicationName = "mlboard"

    static var quietLogger: Logger {
        var logger = Logger(label: "mlboard.postgres")
        logger.logLevel = .critical
        return logger
    }

    func connect() async throws(PostgresStoreError) -> PostgresConnection {
        do {
            var configuration = PostgresConnection.Configuration(
                host: location.host, port: location.port, username: location.user, password: password,
                database: location.database, tls: try tls())
            configuration.options.connectTimeout = .seconds(10)
            configuration.options.additionalStartupParameters = [("application_name", Self.applicationName)]
            if let statementTimeout {
                let milliseconds = statementTimeout.components.seconds * 1000 + statementTimeout.components.attoseconds / 1_000_000_000_000_000
                configuration.options.additionalStartupParameters.append(("statement_timeout", "\(max(1, milliseconds))"))
            }
            return try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Self.quietLogger)
        } catch {
            throw PostgresStoreError(error, server: location.description)
        }
    }

    /// sslmode as libpq reads it: `require` encrypts without checking the certificate,
    /// `verify-ca` checks it against the system's roots, `verify-full` checks the host name too.
    /// `allow` is taken as `prefer`: both use SSL when the server offers it.
    private func tls() throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch location.sslMode {
        case .disable:
            return .disable
        case .allow, .prefer:
            configuration.certificateVerification = .none
            return .prefer(try NIOSSLContext(configuration: configuration))
        case .require:
            configuration.certificateVerification = .none
            return .require(try NIOSSLContext(configuration: configuration))
        case .verifyCA:
            configuration.certificateVerification = .noHostnameVerification
            return .require(try NIOSSLContext(configuration: configuration))
        case .verifyFull:
            configuration.certificateVerification = .fullVerification
            return .require(try NIOSSLContext(configuration: configuration))
        }
    }
}
