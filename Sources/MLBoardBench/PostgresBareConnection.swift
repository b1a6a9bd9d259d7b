import BoardPostgres
import PostgresNIO

/// One plain postgres-nio connection of the same kind as the store's (TCP to the same server,
/// no TLS), for the transactions the store is measured against. Each transaction is one
/// blocking wait from synchronous code, as the store's append is.
final class PostgresBareConnection: Sendable {
    private let connection: PostgresConnection
    private static let logger: Logger = {
        var logger = Logger(label: "mlboard-bench.postgres")
        logger.logLevel = .critical
        return logger
    }()

    init(_ location: PostgresLocation) throws {
        let configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: nil,
            database: location.database, tls: .disable)
        connection = try Blocking.wait { try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Self.logger) }
    }

    func close() { _ = try? Blocking.wait { [connection] in try await connection.close() } }

    /// The tables the bare transactions write: a plain one for the single-row INSERT, one shaped
    /// like mlboard_events for an append sent one statement at a time, and the same statements
    /// as one server-side function (what one round trip per commit costs).
    static func createTables(_ location: PostgresLocation) throws {
        let bare = try PostgresBareConnection(location)
        defer { bare.close() }
        try bare.run([
            "CREATE TABLE bench_rows (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload bytea NOT NULL)",
            "CREATE TABLE bench_events (seq bigint PRIMARY KEY CHECK (seq > 0), line bytea NOT NULL, hash text NOT NULL, sig text NULL)",
            """
            CREATE FUNCTION bench_append(new_line bytea, new_hash text) RETURNS bigint LANGUAGE plpgsql AS $$
            DECLARE appended bigint;
            BEGIN
                PERFORM pg_advisory_xact_lock(4242);
                SELECT coalesce((SELECT seq FROM bench_events ORDER BY seq DESC LIMIT 1), 0) + 1 INTO appended;
                INSERT INTO bench_events (seq, line, hash) VALUES (appended, new_line, new_hash);
                PERFORM pg_notify('bench_events', appended::text);
                RETURN appended;
            END $$
            """,
        ])
    }

    /// BEGIN; INSERT one row into a plain table; COMMIT: three round trips.
    func insertOneRow(_ payload: [UInt8]) throws {
        try Blocking.wait { [connection] in
            try await connection.query("BEGIN", logger: Self.logger)
            try await connection.query("INSERT INTO bench_rows (payload) VALUES (\(ByteBuffer(bytes: payload)))", logger: Self.logger)
            try await connection.query("COMMIT", logger: Self.logger)
        }
    }

    /// An append as separate statements, each its own round trip, as the store's locked path
    /// sends them: BEGIN, advisory lock, head read, INSERT, NOTIFY, COMMIT (six).
    func appendAsSixStatements(_ line: [UInt8]) throws {
        try Blocking.wait { [connection] in
            try await connection.query("BEGIN", logger: Self.logger)
            try await connection.query("SELECT pg_advisory_xact_lock(4242)", logger: Self.logger)
            var next: Int64 = 1
            let head = try await connection.query("SELECT seq, hash FROM bench_events ORDER BY seq DESC LIMIT 1", logger: Self.logger)
            for try await (seq, _) in head.decode((Int64, String).self) { next = seq + 1 }
            try await connection.query(
                "INSERT INTO bench_events (seq, line, hash) VALUES (\(next), \(ByteBuffer(bytes: line)), \("0123456789abcdef"))",
                logger: Self.logger)
            try await connection.query("SELECT pg_notify('bench_events', \(String(next)))", logger: Self.logger)
            try await connection.query("COMMIT", logger: Self.logger)
        }
    }

    /// The same append as one statement calling a server-side function: one round trip.
    func appendInOneRoundTrip(_ line: [UInt8]) throws {
        try Blocking.wait { [connection] in
            _ = try await connection.query("SELECT bench_append(\(ByteBuffer(bytes: line)), \("0123456789abcdef"))", logger: Self.logger)
        }
    }

    private func run(_ statements: [PostgresQuery]) throws {
        try Blocking.wait { [connection] in
            for statement in statements { try await connection.query(statement, logger: Self.logger) }
        }
    }
}
