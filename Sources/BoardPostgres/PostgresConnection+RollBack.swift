import PostgresNIO

extension PostgresConnection {
    /// Rolls back the transaction that `error` interrupted, when the connection survived it.
    /// After an error that ended the connection the server has rolled back already, and
    /// postgres-nio 1.33.2 never completes a query written to a connection that is closing:
    /// sending ROLLBACK there would hang the caller.
    func rollBack(after error: any Error, server: String, logger: Logger) async {
        guard !isClosed, !PostgresStoreError(error, server: server).losesConnection else { return }
        _ = try? await query("ROLLBACK", logger: logger)
    }
}
