import TestSupport
import Foundation
import Testing

@Suite("The real dashboard under tmux", .enabled(if: TmuxServer.available, "tmux is needed"), .serialized)
struct DashboardEndToEndTests {
    @Test("browse every pane, filter, create a project through its form, assign a RACI letter, quit")
    func browseAndEdit() throws {
        let (directory, environment) = try EndToEnd.demoWorkspace()
        defer { EndToEnd.removeDemoWorkspace(at: directory) }
        try TmuxServer.with(environment: environment) { tmux in
            try tmux.start("lead", ["demo", "--dir", directory, "--as", "amara-okafor"])
            let first = try tmux.waitFor("lead") { $0.contains("Projects by lifecycle step") }
            // The demo opens as its lead, signing with her demo key; the header names both.
            #expect(first.contains("amara-okafor") && first.contains("signs with ED25519"), "\(first)")
            for (key, title) in [("2", "Projects ("), ("3", "Stakeholders ("), ("4", "development ("), ("5", "Challenges ("),
                                 ("6", "Approvals:"), ("7", "Activity (live)"), ("1", "Projects by lifecycle step")] {
                try tmux.keys("lead", key)
                let screen = try tmux.waitFor("lead") { $0.contains(title) }
                #expect(screen.contains(title), "pane \(key) shows \(title)")
            }
            try tmux.keys("lead", "Tab")
            #expect(try tmux.waitFor("lead") { $0.contains("sorted by name") }.contains("sorted by name"))

            try tmux.keys("lead", "/")
            try tmux.type("lead", "fraud")
            // The whole filtered frame: a capture can land while the terminal is still being
            // written, its title already "(1)" and the old rows not yet cleared.
            let filtered = try tmux.waitFor("lead") { $0.contains("Projects (1)") && !$0.contains("Store demand forecasting") }
            #expect(filtered.contains("Card-payment fraud detection"))
            #expect(!filtered.contains("Store demand forecasting"), "the filter leaves only the matching project")
            try tmux.keys("lead", "Escape")
            #expect(try tmux.waitFor("lead") { $0.contains("Store demand forecasting") }.contains("Store demand forecasting"))

            try tmux.keys("lead", "n")
            try tmux.waitFor("lead") { $0.contains("New project") }
            // Each field is seen on screen before the next key: under load a frame can lag the keys.
            try tmux.type("lead", "churn-uplift")
            try tmux.waitFor("lead") { $0.contains("churn-uplift") }
            try tmux.keys("lead", "Tab")
            try tmux.type("lead", "Churn uplift modelling")
            try tmux.waitFor("lead") { $0.contains("Churn uplift modelling") }
            try tmux.keys("lead", "Enter")
            // The form is gone when its footer is ("New project: saved" stays on the status line).
            let created = try tmux.waitFor("lead") { $0.contains("Churn uplift modelling") && !$0.contains("next field") }
            #expect(created.contains("Churn uplift modelling") && !created.contains("next field"), "\(created)")

            try tmux.keys("lead", "3", "m", "r")
            let assigned = try tmux.waitFor("lead") { $0.contains("is Responsible for") }
            #expect(assigned.contains("is Responsible for 'problem definition'"))

            try tmux.keys("lead", "q")
            let status = try tmux.waitForExit("lead")
            let screen = try tmux.screen("lead")
            #expect(status == 0, "q quits with status 0:\n\(screen)")
            let log = try cliOutput(["log", "--dir", directory, "--limit", "2"], environment: environment)
            #expect(log.contains("created project churn-uplift"))
            #expect(log.contains("Responsible for 'problem definition'"))
        }
    }

    @Test("a promotion requested in one dashboard, approved from two others, appears in the first without a key press")
    func promotionAcrossDashboards() throws {
        let (directory, environment) = try EndToEnd.demoWorkspace()
        defer { EndToEnd.removeDemoWorkspace(at: directory) }
        try TmuxServer.with(environment: environment) { tmux in
            for (session, handle) in [("requester", "priya-raman"), ("first", "jonas-weber"), ("second", "rosa-delgado")] {
                try tmux.start(session, ["demo", "--dir", directory, "--as", handle])
                try tmux.waitFor(session) { $0.contains("Projects by lifecycle step") }
            }
            try tmux.keys("requester", "4", "/")
            try tmux.type("requester", "motor")
            try tmux.keys("requester", "Enter", "l")
            let board = try tmux.waitFor("requester") { $0.contains("staging (1)") }
            #expect(board.contains("motor-survival v2"))
            try tmux.keys("requester", "p")
            try tmux.waitFor("requester") { $0.contains("Request promotion of motor-survival v2") }
            try tmux.keys("requester", "Tab")
            try tmux.type("requester", "Ambient temperature helps; planners agree")
            try tmux.keys("requester", "Enter")
            try tmux.waitFor("requester") { $0.contains("⇧prod") }

            for approver in ["first", "second"] {
                try tmux.keys(approver, "6", "/")
                try tmux.type(approver, "motor")
                try tmux.keys(approver, "Enter")
                try tmux.waitFor(approver) { $0.contains("motor-survival v2") && $0.contains("staging → production") }
                try tmux.keys(approver, "Enter")
                let review = try tmux.waitFor(approver) { $0.contains("Review PR-") && $0.contains("Gates:") }
                #expect(review.contains("Gates: all pass"))
                try tmux.keys(approver, "a")
                try tmux.waitFor(approver) { $0.contains("Approve PR-") }
                try tmux.keys(approver, "Enter")
                try tmux.waitFor(approver) { $0.contains("Confirm") }
                try tmux.keys(approver, "y")
                let done = try tmux.waitFor(approver) { $0.contains(": done") }
                #expect(done.contains(": done"), "\(approver) approved")
            }

            // No key is sent to the requester's dashboard from here on.
            let after = try tmux.waitFor("requester", seconds: 10) { screen in
                guard let production = EndToEnd.column(of: "production (", in: screen),
                      let card = EndToEnd.column(of: "motor-survival v2", in: screen) else { return false }
                return card >= production - 4 && card < production + 26
            }
            let production = EndToEnd.column(of: "production (", in: after) ?? -100
            let card = EndToEnd.column(of: "motor-survival v2", in: after) ?? -1
            #expect(card >= production - 4 && card < production + 26, "motor-survival v2 is in the production column:\n\(after)")
            #expect(after.contains("last change"), "the header says a change arrived")
        }
    }

    private func cliOutput(_ arguments: [String], environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = EndToEnd.binary
        process.arguments = arguments
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
