import TestSupport
import Foundation
import Testing

@Suite("Lineage and aliases through the real binary")
struct LineageAliasCommandTests {
    @Test("model version records lineage; a bad tag is a usage error naming the form")
    func lineageFlags() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        try cli.expectSuccess("model", "register", "churn-model", "--project", "churn", "--name", "Churn model", as: "ada")
        try cli.expectSuccess(
            "model", "version", "churn-model", "--source", "run-1", "--metric", "auc=0.85", "--source-uri", "runs:/r1/model",
            "--run-id", "r1", "--commit", "0f3c2e1", "--dataset", "events@2026-11", "--tag", "team=retention", as: "ada")
        let models = try cli.json("model", "list", "--json") as? [[String: Any]]
        let lineage = (models?.first?["versions"] as? [[String: Any]])?.first?["lineage"] as? [String: Any]
        #expect(lineage?["runID"] as? String == "r1")
        #expect(lineage?["codeCommit"] as? String == "0f3c2e1")
        #expect(lineage?["dataset"] as? String == "events@2026-11")
        #expect((lineage?["tags"] as? [String: String]) == ["team": "retention"])
        let bad = try cli.run("model", "version", "churn-model", "--source", "run-2", "--tag", "no-equals-sign", as: "ada")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("must look like NAME=VALUE"))
    }

    @Test("alias move is a request approved like the alias's stage; history and requests show it")
    func aliasMoveByHand() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        let config = cli.root.appendingPathComponent(".mlboard/workspace.yml")
        let settings = try String(contentsOf: config, encoding: .utf8)
        try settings.replacingOccurrences(of: "archiveReplacedVersion: true", with: "archiveReplacedVersion: false")
            .write(to: config, atomically: true, encoding: .utf8)
        try cli.expectSuccess("model", "register", "churn-model", "--project", "churn", "--name", "Churn model", as: "ada")
        for run in ["run-1", "run-2"] {
            try cli.expectSuccess("model", "version", "churn-model", "--source", run, as: "ada")
        }
        for (number, request) in [(1, 1), (2, 3)] {
            try cli.expectSuccess("promote", "churn-model:\(number)", "--to", "staging", "--reason", "ok", as: "ada")
            try cli.expectSuccess("approve", "PR-\(request)", as: "bob")
            try cli.expectSuccess("promote", "churn-model:\(number)", "--to", "production", "--reason", "ship", as: "ada")
            try cli.expectSuccess("approve", "PR-\(request + 1)", as: "bob")
            try cli.expectSuccess("approve", "PR-\(request + 1)", as: "cy")
        }
        let aliases = { try cli.json("alias", "list", "churn-model", "--json") as? [[String: Any]] }
        #expect(try aliases()?.first?["version"] as? Int == 2)

        let wrongStage = try cli.run("alias", "move", "churn-model:1", "challenger", "--reason", "x", as: "ada")
        #expect(wrongStage.status == 1 && wrongStage.stderr.contains("stage-order"))
        try cli.expectSuccess("alias", "move", "churn-model:1", "champion", "--reason", "v2 drifts", as: "ada")
        let pending = try cli.json("status", "--json") as? [String: Any]
        let request = (pending?["pendingRequests"] as? [[String: Any]])?.first
        #expect(request?["alias"] as? String == "champion" && request?["to"] as? String == "production")
        try cli.expectSuccess("approve", "PR-5", as: "bob")
        #expect(try aliases()?.first?["version"] as? Int == 2, "one approval of two moves nothing")
        try cli.expectSuccess("approve", "PR-5", as: "cy")
        #expect(try aliases()?.first?["version"] as? Int == 1)
        let history = try cli.run("history", "churn-model", as: "ada")
        #expect(history.stdout.contains("@champion v2 -> v1 by cy (PR-5): v2 drifts"))
        #expect(history.stdout.contains("Aliases: @champion v1"))
    }
}
