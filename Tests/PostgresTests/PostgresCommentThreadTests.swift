import BoardCore
import BoardDemo
@testable import BoardPostgres
import BoardStore
import Foundation
import TestSupport
import Testing

/// A client that began from its snapshot reads the comments written before it one thread at a
/// time, through the server's index of comment targets, instead of holding every comment.
@Suite("PostgreSQL store: comment threads from the server's index")
struct PostgresCommentThreadTests {
    private let lead = TestWorkspace.lead

    @Test("every thread of the demo read through the index equals the thread read in full, and no other comment is held")
    func demoThreads() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-pg-threads-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: root) }
        let environment = HermeticEnvironment.current(keepingStateAndCacheIn: root)
        let demo = DataDirectory(root.appendingPathComponent("demo"))
        _ = try CleanSpawn.run([BuiltBinary.mlboard.path, "demo", "--dir", demo.path, "--no-tui", "--signatures", "off"],
                               environment: environment, outputName: "demo")
        let source = try WorkspaceStore.open(demo, environment: environment)

        let location = try PostgresCluster.shared.get().makeDatabase()
        let journal = PostgresJournal(location, environment: environment)
        try await journal.createSchema()
        try await journal.createWorkspace(configText: try source.state.config.yamlText())
        _ = try await JournalMigration.copy(source, to: journal)
        await journal.close()

        let writer = try PostgresWorkspaceStore.open(location, environment: environment)
        writer.snapshotInterval = 1
        try #require(writer.cacheWork()).run()
        let churn = CommentTarget.project("churn-prediction")
        let demoLead = Actor(handle: DemoWorkspace.leadHandle, osUser: "lead")
        try writer.execute(.comment(on: churn, body: "written after the snapshot"), as: demoLead, now: Instant(Date()))

        let expected = try source.allComments() + writer.comments(on: churn).suffix(1)
        #expect(expected.count > 10 && expected.last?.body == "written after the snapshot")
        let reader = try PostgresWorkspaceStore.open(location, environment: environment)
        #expect(reader.openedFromSnapshot == writer.lastSequence - 1)
        let targets = Set(expected.map(\.target)).sorted { $0.description < $1.description } + [.project("no-such-project")]
        #expect(Set(targets.map { "\($0)".split(separator: " ")[0] }) == ["project", "version", "request", "challenge"],
                "the demo comments on every kind of target")
        // While the watch says the server is gone, a thread already read is still there, and
        // one not yet read fails at once with the watch's reason (the server itself is up).
        #expect(try reader.comments(on: churn) == expected.filter { $0.target == churn }.sorted(by: Comment.threadOrder))
        reader.connection.set(offline: "the watch lost the server")
        #expect(try reader.comments(on: churn).last?.body == "written after the snapshot")
        let offline = #expect(throws: StoreError.self) { try reader.comments(on: .project("no-such-project")) }
        guard case .unavailable(let reason)? = offline, reason.contains("the watch lost the server") else {
            Issue.record("expected the watch's reason, got \(String(describing: offline))")
            return
        }
        reader.connection.set(offline: nil)
        for target in targets {
            let thread = expected.filter { $0.target == target }.sorted(by: Comment.threadOrder)
            #expect(try reader.comments(on: target) == thread, "\(target)")
            #expect(try reader.comments(on: target) == thread, "\(target), asked again")
        }
        #expect(!reader.holdsEveryComment, "the threads came from the server one at a time, not from reading every comment")
        let plan = try PostgresCluster.shared.get().psql("""
            SET enable_seqscan = off;
            PREPARE thread(text, bigint) AS \(PostgresJournal.threadQuery);
            EXPLAIN EXECUTE thread('\(try churn.journalJSON())', 1000)
            """, database: location.database)
        #expect(plan.contains("mlboard_events_comment_target"), "the thread's query can use the index: \(plan)")

        #expect(try reader.allComments() == expected)
        #expect(reader.holdsEveryComment)
        #expect(try reader.comments(on: churn) == expected.filter { $0.target == churn }.sorted(by: Comment.threadOrder))
    }

    @Test("a schema without the index reads every comment; init's upgrade builds the index over the lines already there")
    func olderSchema() throws {
        let database = try PostgresTestDatabase()
        defer { database.cleanUp() }
        let (cluster, location, environment) = (database.cluster, database.location, database.environment)
        let writer = try database.makeWorkspace(then: [.createProject(NewProject(slug: "fraud", name: "Fraud", goal: "risk management"))])
        for index in 0..<6 {
            try writer.execute(.comment(on: .project(index % 3 == 0 ? "fraud" : "churn"), body: "c\(index)"), as: lead,
                               now: Instant(millis: 2_000 + Int64(index)))
        }
        writer.snapshotInterval = 1
        try #require(writer.cacheWork()).run()
        let churnThread = ["c1", "c2", "c4", "c5"]

        try cluster.psql("DROP FUNCTION mlboard_comment_target CASCADE; DELETE FROM mlboard_schema WHERE version = 4", database: location.database)
        let old = try PostgresWorkspaceStore.open(location, environment: environment)
        #expect(old.readOnlyReason?.contains("older than this mlboard's") == true)
        #expect(try old.comments(on: .project("churn")).map(\.body) == churnThread)
        #expect(old.holdsEveryComment)

        #expect(try PostgresWorkspaceStore.upgradeSchema(at: location, environment: environment)! == (3, 4))
        #expect(try cluster.psql("SELECT count(*) FROM pg_indexes WHERE indexname = 'mlboard_events_comment_target'", database: location.database) == "1\n")
        let upgraded = try PostgresWorkspaceStore.open(location, environment: environment)
        #expect(upgraded.readOnlyReason == nil)
        #expect(try upgraded.comments(on: .project("churn")).map(\.body) == churnThread)
        #expect(try upgraded.comments(on: .project("fraud")).map(\.body) == ["c0", "c3"])
        #expect(!upgraded.holdsEveryComment)
    }

    @Test("a line the index cannot read has no target there, and does not stop the upgrade that builds the index")
    func unreadableLines() throws {
        let database = try PostgresTestDatabase()
        defer { database.cleanUp() }
        let (cluster, location, environment) = (database.cluster, database.location, database.environment)
        _ = try PostgresWorkspaceStore.create(at: location, config: .defaults(name: "Test"), environment: environment)
        try cluster.psql("DROP FUNCTION mlboard_comment_target CASCADE; DELETE FROM mlboard_schema WHERE version = 4", database: location.database)
        // Each holds "type":"commented": not UTF-8, not JSON, JSON of another type, a comment without a target.
        try cluster.psql("""
            INSERT INTO mlboard_events (seq, line, hash) VALUES
                (101, '\\xff2274797065223a22636f6d6d656e74656422', 'x'),
                (102, convert_to('{"type":"commented"', 'UTF8'), 'x'),
                (103, convert_to('{"old":{"type":"commented"},"type":"projectCreated"}', 'UTF8'), 'x'),
                (104, convert_to('{"event":{},"type":"commented"}', 'UTF8'), 'x')
            """, database: location.database)
        #expect(try PostgresWorkspaceStore.upgradeSchema(at: location, environment: environment)! == (3, 4))
        #expect(try cluster.psql("SELECT count(*) FROM mlboard_events WHERE mlboard_comment_target(line) IS NULL", database: location.database) == "4\n")
        let target = try CommentTarget.project("churn").journalJSON()
        let line = #"{"event":{"commented":{"_0":{"target":\#(target)}}},"type":"commented"}"#
        #expect(try cluster.psql("SELECT mlboard_comment_target(convert_to('\(line)', 'UTF8')) = '\(target)'::jsonb", database: location.database) == "t\n")
    }

    @Test("a role that may not run the index's function reads a thread by reading every comment; a writer without it is told what it lacks")
    func rolesWithoutTheFunction() throws {
        let database = try PostgresTestDatabase()
        defer { database.cleanUp() }
        let (cluster, location, environment) = (database.cluster, database.location, database.environment)
        _ = try database.makeWorkspace(then: [.comment(on: .project("churn"), body: "first")])
        let (reader, writer) = ("reader_\(location.database)", "writer_\(location.database)")
        try cluster.psql("""
            REVOKE EXECUTE ON FUNCTION mlboard_comment_target(bytea) FROM PUBLIC;
            CREATE ROLE \(reader) LOGIN PASSWORD 'secret';
            GRANT SELECT ON mlboard_events, mlboard_config, mlboard_schema, mlboard_presence TO \(reader);
            CREATE ROLE \(writer) LOGIN PASSWORD 'secret';
            GRANT SELECT, INSERT ON mlboard_events TO \(writer);
            GRANT SELECT ON mlboard_config, mlboard_schema TO \(writer);
            GRANT SELECT, INSERT, UPDATE, DELETE ON mlboard_presence TO \(writer);
            """, database: location.database)
        var withPassword = environment
        withPassword["PGPASSWORD"] = "secret"

        let readerLocation = cluster.location(location.database, user: reader)
        let first = try PostgresWorkspaceStore.open(readerLocation, environment: withPassword)
        first.snapshotInterval = 1
        try #require(first.cacheWork()).run()
        let fromSnapshot = try PostgresWorkspaceStore.open(readerLocation, environment: withPassword)
        #expect(fromSnapshot.openedFromSnapshot != nil)
        #expect(try fromSnapshot.comments(on: .project("churn")).map(\.body) == ["first"])
        #expect(fromSnapshot.holdsEveryComment)

        let writerLocation = cluster.location(location.database, user: writer)
        let refused = try PostgresWorkspaceStore.open(writerLocation, environment: withPassword)
        #expect(refused.readOnlyReason?.contains("EXECUTE on mlboard_append and mlboard_comment_target") == true, "\(refused.readOnlyReason ?? "writable")")
        try cluster.psql("GRANT EXECUTE ON FUNCTION mlboard_comment_target(bytea) TO \(writer)", database: location.database)
        let granted = try PostgresWorkspaceStore.open(writerLocation, environment: withPassword)
        #expect(granted.readOnlyReason == nil)
        try granted.execute(.comment(on: .project("churn"), body: "second"), as: lead, now: Instant(millis: 2_000))
        #expect(try granted.comments(on: .project("churn")).map(\.body) == ["first", "second"])
    }

    @Test("a comment the index cannot read a target from (its text does not fit the database's encoding) is still in its thread")
    func commentOutsideTheEncoding() throws {
        let database = try PostgresTestDatabase()
        defer { database.cleanUp() }
        let (cluster, latin1, environment) = (database.cluster, database.location, database.environment)
        try cluster.psql("DROP DATABASE \(latin1.database)")
        try cluster.psql("CREATE DATABASE \(latin1.database) ENCODING 'LATIN1' TEMPLATE template0")
        let writer = try database.makeWorkspace(then: [
            .comment(on: .project("churn"), body: "plain"),
            .comment(on: .project("churn"), body: "shipped 🚀"),
        ])
        #expect(try cluster.psql("SELECT count(*) FROM mlboard_events WHERE mlboard_comment_target(line) IS NULL AND \(PostgresSchema.mayBeComment)",
                                 database: latin1.database) == "1\n", "the rocket does not fit LATIN1")
        writer.snapshotInterval = 1
        try #require(writer.cacheWork()).run()
        let reader = try PostgresWorkspaceStore.open(latin1, environment: environment)
        #expect(reader.openedFromSnapshot != nil)
        #expect(try reader.comments(on: .project("churn")).map(\.body) == ["plain", "shipped 🚀"])
        #expect(!reader.holdsEveryComment)
    }
}
