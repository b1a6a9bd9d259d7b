import PostgresNIO

/// The tables that hold a workspace on PostgreSQL, and the way from any earlier version of them
/// to this build's. `mlboard_schema` has one row per migration applied; `mlboard_events` has one
/// row per journal line: `line` is the line's exact bytes WITHOUT its newline (the folder's
/// file adds one after each line), `hash` its hash and `sig` its SSH signature, if signed;
/// `mlboard_config` the text of workspace.yml; `mlboard_presence` who has a dashboard open.
enum PostgresSchema {
    /// Migration N (1-based) takes a database from version N-1 to version N. Append, never edit.
    static let migrations: [[PostgresQuery]] = [
        [
            """
            CREATE TABLE mlboard_events (
                seq bigint PRIMARY KEY CHECK (seq > 0),
                line bytea NOT NULL,
                hash text NOT NULL,
                sig text NULL
            )
            """,
        ],
        [
            // The workspace's configuration: the text of workspace.yml, in one row.
            "CREATE TABLE mlboard_config (id integer PRIMARY KEY CHECK (id = 1), yaml text NOT NULL)",
            // Who has a dashboard open: one row per client, its heartbeat in the server's time.
            "CREATE TABLE mlboard_presence (client text PRIMARY KEY, handle text NOT NULL, seen_at timestamptz NOT NULL)",
        ],
    ]

    static var version: Int { migrations.count }

    /// The channel every append notifies, with the new head's sequence number as the payload.
    static let channel = "mlboard_events"

    /// pg_advisory_xact_lock keys: one for writers of the journal, one for migrations.
    static let appendLockKey: Int64 = 0x6d6c_626f_6172_6401
    static let migrationLockKey: Int64 = 0x6d6c_626f_6172_6402

    /// Brings the database up to `version` in one transaction, so two clients creating the
    /// schema at once do it once. Throws when the database is of a newer version.
    static func migrate(_ connection: PostgresConnection, server: String) async throws {
        let logger = PostgresConnector.quietLogger
        try await connection.query("BEGIN", logger: logger)
        do {
            try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLockKey))", logger: logger)
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS mlboard_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                logger: logger)
            let current = try await installedVersion(connection)
            guard current <= version else {
                throw PostgresStoreError(server: server, kind: .schema,
                                         detail: "the schema is of version \(current), newer than this mlboard's \(version); upgrade mlboard")
            }
            for next in (current + 1)...max(current + 1, version) where next <= version {
                for statement in migrations[next - 1] { try await connection.query(statement, logger: logger) }
                try await connection.query("INSERT INTO mlboard_schema (version) VALUES (\(next))", logger: logger)
            }
            try await connection.query("COMMIT", logger: logger)
        } catch {
            await connection.rollBack(after: error, server: server, logger: logger)
            throw error
        }
    }

    static func installedVersion(_ connection: PostgresConnection) async throws -> Int {
        let rows = try await connection.query("SELECT coalesce(max(version), 0) FROM mlboard_schema", logger: PostgresConnector.quietLogger)
        for try await version in rows.decode(Int.self) { return version }
        return 0
    }
}
