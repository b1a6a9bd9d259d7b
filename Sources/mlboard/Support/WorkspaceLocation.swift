import BoardPostgres
import BoardStore

/// Where a workspace is kept: a data directory, or a PostgreSQL database.
enum WorkspaceLocation {
    case folder(DataDirectory)
    case postgres(PostgresLocation)

    static func parse(_ url: String, environment: [String: String]) throws -> PostgresLocation {
        do {
            return try PostgresLocation(url: url, environment: environment)
        } catch {
            throw CLIFailure.usage("--store / MLBOARD_STORE: \(error)")
        }
    }
}
