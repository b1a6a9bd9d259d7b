import BoardCore
import BoardPostgres
import BoardStore
import Foundation
import TestSupport

/// The PostgreSQL side of the figures: a throwaway cluster on loopback (TestSupport's, as the
/// tests use), and workspaces on it copied line for line from a demo folder workspace, so both
/// stores hold the same events and the same commands are decided the same way.
enum PostgresFixtures {
    /// Clients of the cluster: the superuser is trusted from loopback, so no password is looked
    /// up; their seen markers and snapshots go to the folder `clientsVariable` names, never
    /// under the real HOME.
    static var environment: [String: String] {
        guard let folder = ProcessInfo.processInfo.environment[clientsVariable] else {
            preconditionFailure("\(clientsVariable) is set by PostgresBench for itself and its children")
        }
        return ["XDG_STATE_HOME": folder + "/state", "XDG_CACHE_HOME": folder + "/cache"]
    }

    /// Names the PostgreSQL clients' own folder, in this process and the children it starts.
    static let clientsVariable = "MLBOARD_BENCH_PG_CLIENTS"

    /// The URL a child process is given to open `location` (it holds no password).
    static func url(_ location: PostgresLocation) -> String {
        "postgresql://\(location.user)@\(location.host):\(location.port)/\(location.database)?sslmode=disable"
    }

    /// A new database holding a copy of `folder`'s workspace, every line as it is: through the
    /// store's `adoptJournal` when it is small; a large journal goes in transactions of
    /// `batch` lines, because `adoptJournal` sends one INSERT per line in a single operation
    /// that its 10 s deadline cuts off (100k lines took longer here).
    static func copy(of folder: WorkspaceStore, into cluster: PostgresCluster, name: String) throws -> PostgresLocation {
        let location = try cluster.makeDatabase(name)
        let store = try PostgresWorkspaceStore.create(at: location, config: folder.state.config, environment: environment)
        let lines = PortableJournalLine.split(try folder.journalLines())
        if lines.count <= batch {
            try store.adoptJournal(lines)
        } else {
            let journal = PostgresJournal(location, environment: environment, deadline: .seconds(600))
            for start in stride(from: 0, to: lines.count, by: batch) {
                let part = Array(lines[start..<min(lines.count, start + batch)])
                let outcome = try Blocking.wait { try await journal.append(part, expecting: Int64(start)) }
                guard case .appended = outcome else { throw BenchFailure(description: "copying to \(location): \(outcome)") }
            }
            _ = try Blocking.wait { await journal.close() }
            try store.refresh()
        }
        precondition(store.lastSequence == folder.lastSequence, "the copy on PostgreSQL holds \(store.lastSequence) events, the folder \(folder.lastSequence)")
        return location
    }

    private static let batch = 5_000

    /// The server settings that decide what a commit costs, as "name=value" pairs.
    static func durabilitySettings(_ cluster: PostgresCluster) -> String {
        let names = ["server_version", "synchronous_commit", "fsync", "wal_sync_method", "commit_delay"]
        return names.map { name in
            let value = (try? cluster.psql("SHOW \(name)"))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
            return "\(name)=\(value)"
        }.joined(separator: ", ")
    }
}
