@testable import BoardPostgres
import TestSupport
import Foundation

/// A psql session that takes the writers' advisory lock in an open transaction and keeps it
/// until released (its input closed), as a writer on another host would.
final class LockHolder: @unchecked Sendable {
    private let client = Process()
    private let input = Pipe()

    init(cluster: PostgresCluster, database: String) throws {
        client.executableURL = URL(fileURLWithPath: cluster.psqlPath)
        client.arguments = ["-X", "-q", "-h", "127.0.0.1", "-p", String(cluster.port), "-U", PostgresCluster.superuser, "-d", database]
        client.environment = ["PGAPPNAME": "lock-holder", "PATH": "/usr/bin:/bin"]
        client.standardInput = input
        client.standardOutput = FileHandle.nullDevice
        client.standardError = FileHandle.nullDevice
        try client.run()
        input.fileHandleForWriting.write(Data("BEGIN;\nSELECT pg_advisory_xact_lock(\(PostgresSchema.appendLockKey));\n".utf8))
        let holding = "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'lock-holder' AND state = 'idle in transaction' AND query LIKE '%advisory%'"
        for _ in 0..<300 {
            if try cluster.psql(holding, database: database) == "1\n" { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// Ends the session (psql commits nothing at end of input: the transaction rolls back).
    func release() {
        guard client.isRunning else { return }
        try? input.fileHandleForWriting.close()
        client.waitUntilExit()
    }
}
