import PostgresNIO

extension PostgresConnection {
    /// Rolls back the transaction in progress when the connection is still open. A closed
    /// connection has no transaction left (the server rolled it back when it lost the client),
    /// and postgres-nio 1.33.2 never completes a query written to a closed connection: sending
    /// ROLLBACK there would hang the caller for ever.
    func rollBackIfOpen(logger: Logger) async {
        guard !isClosed else { return }
        _ = try? await query("ROLLBACK", logger: logger)
    }
}
