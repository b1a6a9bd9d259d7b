import PostgresNIO

/// What a workspace keeps on the server beside its journal: the configuration's text, who has
/// a dashboard open, and whether this role may write.
extension PostgresJournal {
    /// The text of workspace.yml, or nil when the database holds no workspace yet.
    public func configText() async throws(PostgresStoreError) -> String? {
        try await using { [logger] connection in
            let rows = try await connection.query("SELECT yaml FROM mlboard_config WHERE id = 1", logger: logger)
            for try await yaml in rows.decode(String.self) { return yaml }
            return nil
        }
    }

    /// Stores the configuration of a new workspace; refuses when the database holds one already.
    public func createWorkspace(configText: String) async throws(PostgresStoreError) {
        try await createSchema()
        let server = location.description
        let stored = try await using { [logger] connection in
            let rows = try await connection.query(
                "INSERT INTO mlboard_config (id, yaml) VALUES (1, \(configText)) ON CONFLICT (id) DO NOTHING RETURNING id", logger: logger)
            for try await _ in rows.decode(Int.self) { return true }
            return false
        }
        guard stored else {
            throw PostgresStoreError(server: server, kind: .schema, detail: "the database holds an mlboard workspace already")
        }
    }

    /// Takes away the workspace of a database whose journal is empty (a copy into it failed),
    /// so the database is as a new one; refuses, writing nothing, once the journal holds a line.
    public func discardEmptyWorkspace() async throws(PostgresStoreError) {
        let server = location.description
        try await using { [logger] connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                try await connection.takeTransactionLock(PostgresSchema.appendLockKey, logger: logger)
                let rows = try await connection.query("SELECT EXISTS (SELECT 1 FROM mlboard_events)", logger: logger)
                for try await holdsLines in rows.decode(Bool.self) where holdsLines {
                    throw PostgresStoreError(server: server, kind: .schema, detail: "the workspace's journal holds lines; it is kept")
                }
                try await connection.query("DELETE FROM mlboard_presence", logger: logger)
                try await connection.query("DELETE FROM mlboard_config", logger: logger)
                try await connection.query("COMMIT", logger: logger)
            } catch {
                await connection.rollBack(after: error, server: server, logger: logger)
                throw error
            }
        }
    }

    /// What this role may do in a workspace of this build's schema: append (INSERT on the events
    /// and EXECUTE on the two functions an append runs; a read-only analyst's role lacks them),
    /// and ask for one comment thread through the index (EXECUTE on its function).
    public func privileges() async throws(PostgresStoreError) -> (mayAppend: Bool, mayAskForThreads: Bool) {
        try await using { [logger] connection in
            let rows = try await connection.query("""
                SELECT has_table_privilege('mlboard_events', 'INSERT')
                        AND has_function_privilege('mlboard_append(bigint, text, bytea[], text[], text[])', 'EXECUTE'),
                    has_function_privilege('mlboard_comment_target(bytea)', 'EXECUTE')
                """, logger: logger)
            for try await (append, target) in rows.decode((Bool, Bool).self) { return (append && target, target) }
            return (false, false)
        }
    }

    /// Marks `client` (one open dashboard) as present now, as `handle`.
    public func heartbeat(client: String, handle: String) async throws(PostgresStoreError) {
        try await using { [logger] connection in
            _ = try await connection.query(
                """
                INSERT INTO mlboard_presence (client, handle, seen_at) VALUES (\(client), \(handle), now())
                ON CONFLICT (client) DO UPDATE SET seen_at = now(), handle = excluded.handle
                """, logger: logger)
        }
    }

    /// The handles of other clients seen within `freshFor` seconds, sorted, without duplicates.
    public func present(except client: String, freshFor seconds: Int) async throws(PostgresStoreError) -> [String] {
        try await using { [logger] connection in
            let rows = try await connection.query(
                """
                SELECT DISTINCT handle FROM mlboard_presence
                WHERE client <> \(client) AND seen_at > now() - make_interval(secs => \(seconds)) ORDER BY handle
                """, logger: logger)
            var handles: [String] = []
            for try await handle in rows.decode(String.self) { handles.append(handle) }
            return handles
        }
    }

    public func leave(client: String) async throws(PostgresStoreError) {
        try await using { [logger] connection in
            _ = try await connection.query("DELETE FROM mlboard_presence WHERE client = \(client)", logger: logger)
        }
    }
}
