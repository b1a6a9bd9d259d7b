import BoardStore
import PostgresNIO

/// The tables that hold a workspace on PostgreSQL, and the way from any earlier version of them
/// to this build's. `mlboard_schema` has one row per migration applied; `mlboard_events` has one
/// row per journal line: `line` is the line's exact bytes WITHOUT its newline (the folder's
/// file adds one after each line), `hash` its hash and `sig` its SSH signature, if signed;
/// `mlboard_config` the text of workspace.yml; `mlboard_presence` who has a dashboard open;
/// `mlboard_append` appends in one statement (see `appendFunction`); an index finds the comments
/// on one target (see `commentTargetFunction`).
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
        [appendFunction],
        [commentTargetFunction, commentTargetIndex],
    ]

    static var version: Int { migrations.count }

    /// Appends lines after the head in the statement's own transaction, so an append that finds
    /// the head where the client left it is one round trip: the writers' lock, the head check,
    /// the rows and the notification. A head that moved is returned with `appended` false and
    /// nothing written; a head at `after_seq` whose hash is not the first line's `prev` is a
    /// broken chain and raises. `new_sigs` holds '' for an unsigned line (arrays of text cannot
    /// carry NULL through postgres-nio).
    static let appendFunction = PostgresQuery(unsafeSQL: """
        CREATE FUNCTION mlboard_append(after_seq bigint, after_hash text, new_lines bytea[], new_hashes text[], new_sigs text[])
        RETURNS TABLE (head_seq bigint, head_hash text, appended boolean) LANGUAGE plpgsql AS $$
        DECLARE
            current_seq bigint;
            current_hash text;
            added integer := coalesce(cardinality(new_lines), 0);
        BEGIN
            IF coalesce(cardinality(new_hashes), 0) <> added OR coalesce(cardinality(new_sigs), 0) <> added THEN
                RAISE EXCEPTION 'mlboard_append: % lines, % hashes and % signatures', added, cardinality(new_hashes), cardinality(new_sigs);
            END IF;
            PERFORM pg_advisory_xact_lock(\(appendLockKey));
            SELECT e.seq, e.hash INTO current_seq, current_hash FROM mlboard_events e ORDER BY e.seq DESC LIMIT 1;
            IF NOT FOUND THEN
                current_seq := 0;
                current_hash := '\(PortableJournalLine.genesisHash)';
            END IF;
            IF current_seq <> after_seq THEN
                RETURN QUERY SELECT current_seq, current_hash, false;
                RETURN;
            END IF;
            IF added = 0 THEN
                RETURN QUERY SELECT current_seq, current_hash, true;
                RETURN;
            END IF;
            IF current_hash <> after_hash THEN
                RAISE EXCEPTION 'line % does not chain to the journal''s line %; nothing was written', after_seq + 1, after_seq;
            END IF;
            INSERT INTO mlboard_events (seq, line, hash, sig)
                SELECT after_seq + i, new_lines[i], new_hashes[i], nullif(new_sigs[i], '')
                FROM generate_subscripts(new_lines, 1) AS i;
            PERFORM pg_notify('\(channel)', (after_seq + added)::text);
            RETURN QUERY SELECT after_seq + added, new_hashes[added], true;
        END $$
        """)

    /// The target of a comment line, as the line writes it, and NULL for any other line. The
    /// index over it lets a client read one thread's lines instead of every comment's. A line
    /// this cannot read (not UTF-8 or not JSON, or text the database's encoding cannot hold) has
    /// no target here rather than making its INSERT fail; a thread's query takes such lines too
    /// and the client judges them. IMMUTABLE holds within a database, whose encoding never
    /// changes. Not PARALLEL SAFE: its EXCEPTION block starts a subtransaction, which a parallel
    /// worker may not.
    static let commentTargetFunction = PostgresQuery(unsafeSQL: """
        CREATE FUNCTION mlboard_comment_target(line bytea) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
        DECLARE
            document jsonb;
        BEGIN
            BEGIN
                document := convert_from(line, 'UTF8')::jsonb;
            EXCEPTION WHEN others THEN
                RETURN NULL;
            END;
            IF document ->> 'type' IS DISTINCT FROM 'commented' THEN
                RETURN NULL;
            END IF;
            RETURN document #> '{event,commented,_0,target}';
        END $$
        """)

    /// Only the lines that may be comments are indexed: the others cost an INSERT one `position`,
    /// not a call of the function. A query that uses the index repeats this predicate word for word.
    static let commentTargetIndex = PostgresQuery(unsafeSQL: """
        CREATE INDEX mlboard_events_comment_target ON mlboard_events (mlboard_comment_target(line), seq)
            WHERE \(mayBeComment)
        """)

    /// True for every comment line and for few others (the type field is written as this only in
    /// a comment's line; another line holds the text only inside a string, where quotes are escaped).
    static let mayBeComment = #"position('"type":"commented"'::bytea in line) > 0"#

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
            try await connection.takeTransactionLock(migrationLockKey, logger: logger)
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
