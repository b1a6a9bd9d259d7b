import BoardCore
import BoardPostgres
import BoardStore
import Foundation
import TestSupport
import Testing

/// A journal on a server can be rolled back (a restored backup) or rewritten (someone with the
/// rights to delete rows) under its readers: each machine keeps what it saw, as for a folder.
@Suite("PostgreSQL workspace: a journal rolled back or rewritten on the server")
struct PostgresHistoryAlarmTests {
    private let create = ["project", "create", "churn", "--name", "Churn", "--goal", "customer experience"]

    @Test("rows deleted from the end of the journal: the next command says ROLLED BACK and writes are refused until someone accepts the head")
    func rollBack() throws {
        let cluster = try PostgresCluster.shared.get()
        let url = try cluster.makeDatabase().description
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.expectSuccess(["init", "--store", url, "--signatures", "off"], as: "ada")
        try cli.expectSuccess(create, as: "ada")
        try cli.expectSuccess("comment", "--project", "churn", "seen by ada", as: "ada")
        try cluster.psql("DELETE FROM mlboard_events WHERE seq > 1", database: database(of: url))

        let refused = try cli.run("comment", "--project", "churn", "after the rollback", as: "ada")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("ROLLED BACK") && refused.stderr.contains("sequence 3"), "\(refused.stderr)")
        let verify = try cli.run("verify", as: "ada")
        #expect(verify.status != 0 && verify.stdout.contains("PROBLEM: the journal was ROLLED BACK"), "\(verify.stdout)\(verify.stderr)")
        #expect(try cluster.psql("SELECT count(*) FROM mlboard_events", database: database(of: url)) == "1\n", "nothing was written")

        let accepted = try cli.run("verify", "--accept-head", as: "ada")
        #expect(accepted.status == 0 && accepted.stderr.contains("accepted the journal's head at sequence 1"), "\(accepted.stdout)\(accepted.stderr)")
        try cli.expectSuccess(create, as: "ada")
    }

    @Test("the last line replaced by another client's line at the same place: this machine says FORKED and refuses to write; the other machine saw nothing wrong")
    func fork() throws {
        let cluster = try PostgresCluster.shared.get()
        let url = try cluster.makeDatabase().description
        let ann = try CLIHarness()
        defer { ann.cleanUp() }
        var bob = try CLIHarness()  // another machine: a state folder of its own
        defer { bob.cleanUp() }
        try ann.expectSuccess(["init", "--store", url, "--signatures", "off"], as: "ada")
        try ann.expectSuccess(create, as: "ada")
        try cluster.psql("DELETE FROM mlboard_events WHERE seq = 2", database: database(of: url))
        bob.environment["MLBOARD_STORE"] = url
        try bob.expectSuccess(["project", "create", "fraud", "--name", "Fraud", "--goal", "customer experience"], as: "ada")

        let annNow = try ann.run("status", "--store", url, as: "ada")
        #expect(annNow.stderr.contains("FORKED"), "\(annNow.stderr)")
        let annWrites = try ann.run("comment", "--store", url, "--project", "fraud", "hello", as: "ada")
        #expect(annWrites.status != 0 && annWrites.stderr.contains("accept-head"), "\(annWrites.stderr)")
        let bobWrites = try bob.run("comment", "--project", "fraud", "hello", as: "ada")
        #expect(bobWrites.status == 0, "\(bobWrites.stderr)")
    }
}
