import TestSupport
import BoardPostgres
import Foundation
import Glibc
import Testing

extension PostgresServerTests {
    @Suite("PostgreSQL journal: a role that logs in with a password")
    struct PasswordTests {
        @Test("the password comes from PGPASSFILE; without it the server's refusal is reported, naming the server")
        func passwordFromFile() async throws {
            let cluster = try PostgresCluster.shared.get()
            let owner = try cluster.makeDatabase()
            let role = "writer_" + UUID().uuidString.prefix(6).lowercased()
            try cluster.psql("CREATE ROLE \(role) LOGIN PASSWORD 'pw-\(role)'; GRANT ALL ON DATABASE \(owner.database) TO \(role)")
            try cluster.psql("ALTER DATABASE \(owner.database) OWNER TO \(role)")
            let location = cluster.location(owner.database, user: role)

            let without = PostgresJournal(location, environment: [:])
            let refused = await #expect(throws: PostgresStoreError.self) { try await without.head() }
            #expect(refused?.kind == .refused)
            #expect(refused?.description.contains(location.description) == true)

            let file = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-pgpass-\(role)").path
            defer { unlink(file) }
            try "127.0.0.1:\(cluster.port):\(owner.database):\(role):pw-\(role)\n".write(toFile: file, atomically: true, encoding: .utf8)
            chmod(file, 0o600)
            let with = PostgresJournal(location, environment: ["PGPASSFILE": file])
            try await with.createSchema()
            #expect(try await with.head() == .genesis)
            await with.close()
        }
    }
}
