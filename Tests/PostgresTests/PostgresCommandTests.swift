import BoardPostgres
import Foundation
import TestSupport
import Testing

/// The command line on a workspace kept on PostgreSQL, run as a person would.
@Suite("Commands on a PostgreSQL workspace")
struct PostgresCommandTests {
    @Test("init --store creates the workspace and a pointer; commands below the pointer find it without --store")
    func initAndPointer() throws {
        let cluster = try PostgresCluster.shared.get()
        let url = try cluster.makeDatabase().description
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.expectSuccess("init", "--store", url, "--signatures", "off", "--name", "Acme", as: "ada")
        let pointer = try String(contentsOf: cli.dataDirectory.appendingPathComponent("workspace.yml"), encoding: .utf8)
        #expect(pointer.contains("store: \(url)"))
        #expect(!FileManager.default.fileExists(atPath: cli.dataDirectory.appendingPathComponent("journal.jsonl").path))
        try cli.expectSuccess("project", "create", "churn", "--name", "Churn", "--goal", "customer experience", as: "ada")
        let events = try cluster.psql("SELECT count(*) FROM mlboard_events", database: database(of: url))
        #expect(events == "2\n", "the stakeholder and the project are rows on the server")
        let status = try cli.run("status", as: "ada")
        #expect(status.status == 0 && status.stdout.contains("churn"))
    }

    @Test("init honours MLBOARD_STORE as every command does")
    func initFromEnvironment() throws {
        let cluster = try PostgresCluster.shared.get()
        let url = try cluster.makeDatabase().description
        var cli = try CLIHarness()
        defer { cli.cleanUp() }
        cli.environment["MLBOARD_STORE"] = url
        try cli.expectSuccess("init", "--signatures", "off", "--name", "Acme", as: "ada")
        #expect(try cluster.psql("SELECT count(*) FROM mlboard_events", database: database(of: url)) == "1\n")
        let shared = try cli.run("init", "--shared", as: "ada")
        #expect(shared.status != 0 && shared.stderr.contains("MLBOARD_STORE"), "\(shared.stderr)")
    }

    @Test("a workspace of an older schema opens read-only and says how to upgrade; init --store upgrades it in place and writes work again")
    func olderSchemaUpgraded() throws {
        let cluster = try PostgresCluster.shared.get()
        let url = try cluster.makeDatabase().description
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.expectSuccess("init", "--store", url, "--signatures", "off", as: "ada")
        // The database as version 2 made it: no one-statement append, no index of comment targets.
        try cluster.psql("DROP FUNCTION mlboard_append; DROP FUNCTION mlboard_comment_target CASCADE; DELETE FROM mlboard_schema WHERE version > 2",
                         database: database(of: url))
        let refused = try cli.run("project", "create", "churn", "--name", "Churn", "--goal", "customer experience", as: "ada")
        #expect(refused.status != 0 && refused.stderr.contains("older than this mlboard's"), "\(refused.stderr)")
        #expect(refused.stderr.contains("mlboard init --store"))
        let upgraded = try cli.run("init", "--store", url, as: "ada")
        #expect(upgraded.status == 0 && upgraded.stdout.contains("from version 2 to 4"), "\(upgraded.stdout)\(upgraded.stderr)")
        try cli.expectSuccess("project", "create", "churn", "--name", "Churn", "--goal", "customer experience", as: "ada")
        #expect(try cluster.psql("SELECT count(*) FROM mlboard_events", database: database(of: url)) == "2\n")
        let again = try cli.run("init", "--store", url, as: "ada")
        #expect(again.status != 0 && again.stderr.contains("holds an mlboard workspace already"), "a current workspace is not made twice")
    }

    @Test("migrate folder → PostgreSQL → folder gives a byte-identical journal, and verify passes on each")
    func migrateRoundTrip() throws {
        let cluster = try PostgresCluster.shared.get()
        let url = try cluster.makeDatabase().description
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        try cli.expectSuccess("comment", "--project", "churn", "one", as: "bob")
        let copied = try cli.run("migrate", "--to", url, as: "ada")
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(copied.stdout.contains("hashes and signatures intact"))
        let onServer = try cli.run("verify", "--store", url, as: "ada")
        #expect(onServer.status == 0 && onServer.stdout.contains("verify passed"), "\(onServer.stdout)\(onServer.stderr)")
        let back = cli.root.appendingPathComponent("back")
        try cli.expectSuccess("migrate", "--store", url, "--to", back.path, as: "ada")
        let original = try Data(contentsOf: cli.dataDirectory.appendingPathComponent("journal.jsonl"))
        let returned = try Data(contentsOf: back.appendingPathComponent("journal.jsonl"))
        #expect(original == returned)
        #expect(try cli.run("verify", "--dir", back.path, as: "ada").status == 0)
        let again = try cli.run("migrate", "--to", url, as: "ada")
        #expect(again.status == 3 && again.stderr.contains("holds an mlboard workspace already"), "a copy goes only into an empty database")
    }

    @Test("a migrate that fails after making the new workspace takes it away again, so the database is as it was found")
    func failedMigrateLeavesNothing() throws {
        let cluster = try PostgresCluster.shared.get()
        let location = try cluster.makeDatabase()
        let journal = PostgresJournal(location, environment: [:])
        try Blocking.wait { try await journal.createSchema() }
        try Blocking.wait { await journal.close() }
        // A role that may make the workspace but not write its journal: the copy is refused.
        let mover = "mover_\(location.database)"
        try cluster.psql("""
            CREATE ROLE \(mover) LOGIN PASSWORD 'moves';
            GRANT CREATE ON SCHEMA public TO \(mover);
            GRANT SELECT ON mlboard_events, mlboard_schema TO \(mover);
            GRANT SELECT, INSERT, DELETE ON mlboard_config, mlboard_presence TO \(mover);
            """, database: location.database)
        var cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        cli.environment["PGPASSWORD"] = "moves"
        let url = cluster.location(location.database, user: mover).description
        let failed = try cli.run("migrate", "--to", url, as: "ada")
        #expect(failed.status != 0, "\(failed.stdout)")
        #expect(try cluster.psql("SELECT count(*) FROM mlboard_config", database: location.database) == "0\n", "no workspace is left behind")
        #expect(try cluster.psql("SELECT count(*) FROM mlboard_events", database: location.database) == "0\n")
        try cluster.psql("GRANT INSERT ON mlboard_events TO \(mover)", database: location.database)
        let retried = try cli.run("migrate", "--to", url, as: "ada")
        #expect(retried.status == 0, "a second try finds the database as the first did: \(retried.stderr)")
    }

    @Test("with the server down a command fails with exit 3 naming the server, and nothing is written; after it is back it works")
    func serverDown() throws {
        let cluster = try PostgresCluster()
        defer { cluster.tearDown() }
        let url = try cluster.makeDatabase().description
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.expectSuccess("init", "--store", url, "--signatures", "off", as: "ada")
        try cluster.stop()
        let refused = try cli.run("project", "create", "churn", "--name", "Churn", "--goal", "customer experience", as: "ada")
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("PostgreSQL at \(url)"), "\(refused.stderr)")
        try cluster.start()
        try cli.expectSuccess("project", "create", "churn", "--name", "Churn", "--goal", "customer experience", as: "ada")
        #expect(try cluster.psql("SELECT count(*) FROM mlboard_events", database: database(of: url)) == "2\n")
    }

    @Test("a role granted only SELECT opens the workspace read-only, says why, and its writes are refused")
    func readOnlyRole() throws {
        let cluster = try PostgresCluster.shared.get()
        let location = try cluster.makeDatabase()
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.expectSuccess("init", "--store", location.description, "--signatures", "off", as: "ada")
        try cluster.psql("""
            CREATE ROLE analyst_\(location.database) LOGIN PASSWORD 'reads-only';
            GRANT SELECT ON mlboard_events, mlboard_config, mlboard_schema, mlboard_presence TO analyst_\(location.database);
            """, database: location.database)
        var analyst = cli
        analyst.environment["PGPASSWORD"] = "reads-only"
        let url = cluster.location(location.database, user: "analyst_\(location.database)").description
        let status = try analyst.run("status", "--store", url, as: "ada")
        #expect(status.status == 0)
        #expect(status.stdout.contains("may read this workspace but not write it"), "\(status.stdout)")
        let write = try analyst.run("project", "create", "churn", "--name", "Churn", "--goal", "customer experience", "--store", url, as: "ada")
        #expect(write.status == 3 && write.stderr.contains("may read this workspace but not write it"), "\(write.stderr)")
        let wrongPassword = try cli.run("status", "--store", url, as: "ada")
        #expect(wrongPassword.status == 3, "without PGPASSWORD the server refuses the role")
    }
}
