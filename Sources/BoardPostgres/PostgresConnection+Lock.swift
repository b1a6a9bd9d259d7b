import PostgresNIO

extension PostgresConnection {
    /// Waits for the transaction-level advisory lock `key`. The rows are read to the end on
    /// purpose: postgres-nio returns from a SELECT once the server has described its row, before
    /// the statement has run, so an error while waiting (a statement_timeout) would otherwise
    /// surface only as the next statement's "transaction is aborted".
    func takeTransactionLock(_ key: Int64, logger: Logger) async throws {
        let rows = try await query("SELECT pg_advisory_xact_lock(\(key))", logger: logger)
        for try await _ in rows {}
    }
}
