import CSQLite
import Foundation

/// One SQLite database used the way an application would for durable one-row commits.
final class SQLiteStore {
    enum Mode: String, CaseIterable {
        case wal = "wal"
        case rollback = "rollback"

        var title: String { self == .wal ? "SQLite WAL, synchronous=FULL" : "SQLite rollback journal, synchronous=FULL" }
    }

    private var db: OpaquePointer?
    private var insert: OpaquePointer?
    private var begin: OpaquePointer?
    private var commit: OpaquePointer?

    init(path: String, mode: Mode) {
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            fatalError("sqlite3_open_v2 \(path) failed")
        }
        sqlite3_busy_timeout(db, 60_000)
        exec(mode == .wal ? "PRAGMA journal_mode=WAL" : "PRAGMA journal_mode=DELETE")
        exec("PRAGMA synchronous=FULL")
        exec("CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, line BLOB NOT NULL)")
        insert = prepare("INSERT INTO events (line) VALUES (?)")
        begin = prepare("BEGIN IMMEDIATE")
        commit = prepare("COMMIT")
    }

    deinit {
        for statement in [insert, begin, commit] { sqlite3_finalize(statement) }
        sqlite3_close(db)
    }

    private func exec(_ sql: String) {
        var error: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(db, sql, nil, nil, &error)
        if rc != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? "code \(rc)"
            sqlite3_free(error)
            fatalError("sqlite: \(sql): \(message)")
        }
    }

    private func prepare(_ sql: String) -> OpaquePointer? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else { fatalError("prepare \(sql)") }
        return statement
    }

    private func step(_ statement: OpaquePointer?) {
        let rc = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard rc == SQLITE_DONE else { fatalError("sqlite step failed: \(String(cString: sqlite3_errmsg(db)))") }
    }

    /// One durable one-row transaction.
    func commitRow(_ payload: [UInt8]) {
        step(begin)
        payload.withUnsafeBytes { buffer in
            _ = sqlite3_bind_blob(insert, 1, buffer.baseAddress, Int32(buffer.count), nil)
            step(insert)
        }
        step(commit)
    }
}
