import TestSupport
import Foundation
import Testing

@Suite("Commands that change the workspace, through the real binary")
struct ChangeCommandTests {
    @Test("a promotion from request to production through two approvers, with history and rule refusals (exit 1)")
    func promotionFlow() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        try cli.expectSuccess("model", "register", "churn-model", "--project", "churn", "--name", "Churn model",
                              "--threshold", "auc>=0.8", as: "ada")
        try cli.expectSuccess("model", "version", "churn-model", "--source", "run-1", "--metric", "auc=0.85", as: "ada")
        try cli.expectSuccess("promote", "churn-model:1", "--to", "staging", "--reason", "offline eval ok", as: "ada")
        let selfApproval = try cli.run("approve", "PR-1", as: "ada")
        #expect(selfApproval.status == 1)
        #expect(selfApproval.stderr.contains("separation-of-duties"))
        try cli.expectSuccess("approve", "PR-1", "--comment", "fine", as: "bob")
        let skip = try cli.run("promote", "churn-model:1", "--to", "development", "--reason", "x", as: "ada")
        #expect(skip.status == 1)
        #expect(skip.stderr.contains("stage-order"))
        try cli.expectSuccess("promote", "churn-model:1", "--to", "production", "--reason", "ship it", as: "ada")
        try cli.expectSuccess("approve", "PR-2", as: "bob")
        let pending = try cli.json("requests", "--json", as: "cy") as? [[String: Any]]
        #expect(pending?.first?["id"] as? String == "PR-2")
        try cli.expectSuccess("approve", "PR-2", as: "cy")
        let history = try cli.json("history", "churn-model", "--json") as? [[String: Any]]
        let moves = history?.map { "\($0["kind"] as? String ?? "?") \($0["alias"] as? String ?? "") \($0["to"] as? String ?? "")" }
        #expect(moves == ["stage  staging", "alias challenger v1", "stage  production", "alias challenger none", "alias champion v1"])
        #expect(history?.last?["by"] as? String == "cy")
        let aliases = try cli.json("alias", "list", "--json") as? [[String: Any]]
        #expect(aliases?.map { "\($0["alias"] as? String ?? "") v\($0["version"] as? Int ?? 0)" } == ["champion v1"])
        let models = try cli.json("model", "list", "--json") as? [[String: Any]]
        let versions = models?.first?["versions"] as? [[String: Any]]
        #expect(versions?.first?["stage"] as? String == "production")
    }

    @Test("reject needs a comment; withdraw only by the requester; rollback returns the previous production version")
    func rejectWithdrawRollback() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        try cli.expectSuccess("model", "register", "m", "--project", "churn", "--name", "M", as: "ada")
        for run in 1...2 {
            try cli.expectSuccess("model", "version", "m", "--source", "run-\(run)", as: "ada")
            try cli.expectSuccess("promote", "m:\(run)", "--to", "staging", "--reason", "r", as: "ada")
            try cli.expectSuccess("approve", "PR-\(run * 2 - 1)", as: "bob")
            try cli.expectSuccess("promote", "m:\(run)", "--to", "production", "--reason", "r", as: "ada")
            try cli.expectSuccess("approve", "PR-\(run * 2)", as: "bob")
            try cli.expectSuccess("approve", "PR-\(run * 2)", as: "cy")
        }
        try cli.expectSuccess("model", "version", "m", "--source", "run-3", as: "ada")
        try cli.expectSuccess("promote", "m:3", "--to", "staging", "--reason", "try", as: "ada")
        let empty = try cli.run("reject", "PR-5", "--comment", " ", as: "bob")
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("comment-required"))
        let notMine = try cli.run("withdraw", "PR-5", as: "bob")
        #expect(notMine.status == 1)
        try cli.expectSuccess("withdraw", "PR-5", as: "ada")
        try cli.expectSuccess("model", "rollback", "m", "--reason", "latency regression", as: "bob")
        let models = try cli.json("model", "list", "--json") as? [[String: Any]]
        let stages = (models?.first?["versions"] as? [[String: Any]])?.map { $0["stage"] as? String ?? "" }
        #expect(stages == ["production", "archived", "development"])
        try cli.expectSuccess("promote", "m:3", "--to", "staging", "--reason", "again", as: "ada")
        try cli.expectSuccess("reject", "PR-6", "--comment", "not yet", as: "bob")
        let all = try cli.json("requests", "--all", "--json") as? [[String: Any]]
        #expect(all?.first { $0["id"] as? String == "PR-6" }?["status"] as? String == "rejected")
    }

    @Test("projects: create, edit, step, status, retrain, list, show, archive, restore")
    func projects() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        try cli.expectSuccess("project", "edit", "churn", "--priority", "business impact", "--impact", "time saving", as: "bob")
        try cli.expectSuccess("project", "step", "churn", "data access", as: "bob")
        try cli.expectSuccess("project", "status", "churn", "on-hold", as: "bob")
        try cli.expectSuccess("project", "retrain", "churn", "--note", "weekly run", as: "bob")
        let unknownGoal = try cli.run("project", "edit", "churn", "--goal", "world peace", as: "bob")
        #expect(unknownGoal.status == 1)
        #expect(unknownGoal.stderr.contains("unknown-vocabulary"))
        let show = try cli.json("project", "show", "churn", "--json") as? [String: Any]
        let project = show?["project"] as? [String: Any]
        #expect(project?["step"] as? String == "data access")
        #expect(project?["status"] as? String == "on-hold")
        #expect(project?["priorityBasis"] as? String == "business impact")
        let notLead = try cli.run("project", "archive", "churn", as: "bob")
        #expect(notLead.status == 1)
        #expect(notLead.stderr.contains("lead-only"))
        try cli.expectSuccess("project", "archive", "churn", as: "ada")
        #expect(try cli.run("project", "list").stdout.isEmpty)
        #expect(try cli.run("project", "list", "--all").stdout.contains("[archived]"))
        let restoreNotLead = try cli.run("project", "restore", "churn", as: "bob")
        #expect(restoreNotLead.status == 1)
        #expect(restoreNotLead.stderr.contains("lead-only"))
        try cli.expectSuccess("project", "restore", "churn", as: "ada")
        #expect(try cli.run("project", "list").stdout.contains("churn"))
        let again = try cli.run("project", "restore", "churn", as: "ada")
        #expect(again.status == 1)
        #expect(again.stderr.contains("not archived"))
    }

    @Test("team: add, edit, rights, deactivate, assign with one Accountable per step, unassign")
    func team() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        try cli.expectSuccess("assign", "churn", "data access", "bob", "A", as: "ada")
        let second = try cli.run("assign", "churn", "data access", "cy", "a", as: "ada")
        #expect(second.status == 1)
        #expect(second.stderr.contains("single-accountable"))
        try cli.expectSuccess("assign", "churn", "data access", "cy", "R", as: "ada")
        try cli.expectSuccess("unassign", "churn", "data access", "cy", as: "ada")
        try cli.expectSuccess("stakeholder", "edit", "cy", "--name", "Cy Young", as: "ada")
        try cli.expectSuccess("stakeholder", "rights", "cy", "staging", as: "ada")
        try cli.expectSuccess("stakeholder", "deactivate", "cy", as: "ada")
        let people = try cli.json("stakeholder", "list", "--json") as? [[String: Any]]
        let cy = people?.first { $0["handle"] as? String == "cy" }
        #expect(cy?["name"] as? String == "Cy Young")
        #expect(cy?["approvalStages"] as? [String] == ["staging"])
        #expect(cy?["active"] as? Bool == false)
        let stranger = try cli.run("comment", "--project", "churn", "hi", as: "nobody")
        #expect(stranger.status == 1)
        #expect(stranger.stderr.contains("not-a-stakeholder"))
    }

    @Test("challenges: open, edit, move with notes, list; comments on each kind of thing")
    func challengesAndComments() throws {
        let cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        try cli.expectSuccess("challenge", "open", "--title", "Label leakage", "--category", "low data quality",
                              "--severity", "high", "--project", "churn", "--owner", "bob", as: "ada")
        try cli.expectSuccess("challenge", "edit", "CH-1", "--severity", "critical", as: "ada")
        try cli.expectSuccess("challenge", "move", "CH-1", "in-progress", as: "bob")
        let noNote = try cli.run("challenge", "move", "CH-1", "resolved", as: "bob")
        #expect(noNote.status == 1)
        #expect(noNote.stderr.contains("note-required"))
        try cli.expectSuccess("challenge", "move", "CH-1", "resolved", "--note", "dropped leaking column", as: "bob")
        let list = try cli.json("challenge", "list", "--json", "--project", "churn") as? [[String: Any]]
        #expect(list?.first?["status"] as? String == "resolved")
        #expect(list?.first?["severity"] as? String == "critical")
        try cli.expectSuccess("model", "register", "m", "--project", "churn", "--name", "M", as: "ada")
        try cli.expectSuccess("model", "version", "m", "--source", "run-1", as: "ada")
        try cli.expectSuccess("promote", "m:1", "--to", "staging", "--reason", "r", as: "ada")
        try cli.expectSuccess("comment", "--project", "churn", "kick-off done", as: "bob")
        try cli.expectSuccess("comment", "--version", "m:1", "looks stable", as: "bob")
        try cli.expectSuccess("comment", "--request", "PR-1", "ok by me", as: "bob")
        try cli.expectSuccess("comment", "--challenge", "CH-1", "confirmed", as: "bob")
        let log = try cli.run("log").stdout
        for target in ["project churn", "version m v1", "request PR-1", "challenge CH-1"] {
            #expect(log.contains("commented on \(target)"))
        }
        let control = try cli.run("comment", "--project", "churn", "bad \u{1B}[31m", as: "bob")
        #expect(control.status == 1)
        #expect(control.stderr.contains("control-characters"))
    }
}
