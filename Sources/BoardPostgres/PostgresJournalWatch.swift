import PostgresNIO

/// Wakes its owner when the journal changes: LISTEN on the channel every append notifies, on a
/// connection of its own, opened again whenever it breaks. Where LISTEN cannot be had (a pooler
/// in transaction mode) `.polling` reads the head at an interval instead.
public final class PostgresJournalWatch: Sendable {
    public enum Mode: Sendable, Equatable {
        case listen
        case polling(every: Duration)
    }

    public enum Wake: Sendable, Equatable {
        /// The watch (re)connected and listens from now on: read what was missed before.
        case listening
        /// A commit made this the journal's head.
        case committed(sequence: Int64)
        /// The server cannot be reached; the watch retries every `retryInterval`.
        case offline(PostgresStoreError)
    }

    public let wakes: AsyncStream<Wake>
    private let task: Task<Void, Never>

    public init(_ location: PostgresLocation, environment: [String: String], mode: Mode = .listen,
                retryInterval: Duration = .seconds(1)) {
        let connector = PostgresConnector(location: location, environment: environment)
        let (wakes, continuation) = AsyncStream.makeStream(of: Wake.self, bufferingPolicy: .bufferingNewest(256))
        self.wakes = wakes
        task = Task(executorPreference: PostgresExecutor.shared) {
            while !Task.isCancelled {
                do {
                    let connection = try await connector.connect()
                    do {
                        switch mode {
                        case .listen: try await Self.listen(connection, continuation)
                        case .polling(let interval): try await Self.poll(connection, every: interval, continuation)
                        }
                    } catch {
                        try? await connection.close()
                        throw error
                    }
                } catch {
                    if Task.isCancelled { break }
                    continuation.yield(.offline(PostgresStoreError(error, server: location.description)))
                    try? await Task.sleep(for: retryInterval)
                }
            }
            continuation.finish()
        }
        continuation.onTermination = { [task] _ in task.cancel() }
    }

    deinit { task.cancel() }

    /// Stops watching; `wakes` ends.
    public func stop() { task.cancel() }

    private static func listen(_ connection: PostgresConnection, _ continuation: AsyncStream<Wake>.Continuation) async throws {
        let keepAlive = Task(executorPreference: PostgresExecutor.shared) { await closeWhenSilent(connection) }
        defer { keepAlive.cancel() }
        try await connection.listen(on: PostgresSchema.channel) { notifications in
            continuation.yield(.listening)
            for try await notification in notifications {
                if let sequence = Int64(notification.payload) { continuation.yield(.committed(sequence: sequence)) }
            }
        }
        try? await connection.close()
    }

    /// A listening connection hears nothing when the network between it and the server is cut
    /// (no reset reaches it): it asks the server something every few seconds, and closes the
    /// connection when no answer comes in time, which ends the listening with an error.
    private static func closeWhenSilent(_ connection: PostgresConnection, every interval: Duration = .seconds(5)) async {
        let deadline = OperationDeadline(limit: interval)
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: interval)
                _ = try await deadline.run(onExpiry: { PostgresJournal.close(connection) }) {
                    try await connection.query("SELECT 1", logger: PostgresConnector.quietLogger)
                }
            } catch {
                if !Task.isCancelled { PostgresJournal.close(connection) }
                return
            }
        }
    }

    private static func poll(_ connection: PostgresConnection, every interval: Duration,
                             _ continuation: AsyncStream<Wake>.Continuation) async throws {
        var last = try await lastSequence(connection)
        continuation.yield(.listening)
        while !Task.isCancelled {
            try await Task.sleep(for: interval)
            let sequence = try await lastSequence(connection)
            if sequence != last { continuation.yield(.committed(sequence: sequence)) }
            last = sequence
        }
        try? await connection.close()
    }

    private static func lastSequence(_ connection: PostgresConnection) async throws -> Int64 {
        try await OperationDeadline(limit: .seconds(10)).run(onExpiry: { PostgresJournal.close(connection) }) {
            let rows = try await connection.query("SELECT coalesce(max(seq), 0) FROM mlboard_events", logger: PostgresConnector.quietLogger)
            for try await sequence in rows.decode(Int64.self) { return sequence }
            return 0
        }
    }
}
