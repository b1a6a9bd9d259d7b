import TestSupport
import BoardPostgres
import Foundation
import Testing

@Suite("PostgreSQL locations and passwords, as libpq reads them")
struct LocationTests {
    @Test("a URL gives host, port, user, database and sslmode, with libpq's defaults")
    func parsing() throws {
        let full = try PostgresLocation(url: "postgresql://ana@db.example:6543/board?sslmode=verify-full", environment: [:])
        #expect(full == PostgresLocation(host: "db.example", port: 6543, user: "ana", database: "board", sslMode: .verifyFull))
        let bare = try PostgresLocation(url: "postgres://db.example", environment: ["USER": "lea"])
        #expect(bare == PostgresLocation(host: "db.example", port: 5432, user: "lea", database: "lea", sslMode: .prefer))
        #expect(try PostgresLocation(url: "postgresql:///b", environment: ["PGUSER": "p", "USER": "u"]).user == "p")
        #expect(full.description == "postgresql://ana@db.example:6543/board")
    }

    @Test("a password in the URL, an unknown option or sslmode, another scheme are refused")
    func refused() {
        #expect(throws: PostgresLocation.Invalid.self) { try PostgresLocation(url: "postgresql://ana:secret@db/board", environment: [:]) }
        #expect(throws: PostgresLocation.Invalid.self) { try PostgresLocation(url: "postgresql://ana@db/board?sslmode=sometimes", environment: [:]) }
        #expect(throws: PostgresLocation.Invalid.self) { try PostgresLocation(url: "postgresql://ana@db/board?password=x", environment: [:]) }
        #expect(throws: PostgresLocation.Invalid.self) { try PostgresLocation(url: "mysql://ana@db/board", environment: [:]) }
    }

    @Test("PGPASSWORD first, then the first matching line of PGPASSFILE; a file others can read is ignored")
    func passwordLookUp() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-pgpass-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pgpass").path
        try """
            # comment
            other:5432:*:ana:wrong
            db:*:board:ana:pa\\:ss
            *:*:*:*:fallback

            """.write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o600)
        let location = PostgresLocation(host: "db", port: 5432, user: "ana", database: "board")
        #expect(PostgresPassword.lookUp(for: location, environment: ["PGPASSFILE": file]) == "pa:ss")
        #expect(PostgresPassword.lookUp(for: location, environment: ["PGPASSFILE": file, "PGPASSWORD": "env"]) == "env")
        #expect(PostgresPassword.lookUp(for: PostgresLocation(host: "x", user: "bo", database: "d"), environment: ["PGPASSFILE": file]) == "fallback")
        chmod(file, 0o644)
        #expect(PostgresPassword.lookUp(for: location, environment: ["PGPASSFILE": file]) == nil)
    }
}
