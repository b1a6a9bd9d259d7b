import TestSupport
import Foundation
import Testing

@Suite("Keys of the real dashboard under tmux", .enabled(if: TmuxServer.available, "tmux is needed"), .serialized)
struct DashboardKeysEndToEndTests {
    @Test("keys typed in a detail act on the item it shows; q closes the detail, then quits with status 0")
    func detailOwnsTheKeys() throws {
        let (directory, environment) = try EndToEnd.demoWorkspace()
        defer { EndToEnd.removeDemoWorkspace(at: directory) }
        try TmuxServer.with(environment: environment) { tmux in
            try tmux.start("lead", ["--dir", directory, "--as", "amara-okafor"])
            try tmux.waitFor("lead") { $0.contains("Projects by lifecycle step") }

            try tmux.keys("lead", "2", "Enter")
            let detail = try tmux.waitFor("lead") { $0.contains("Team") && $0.contains("Challenges") && $0.contains("Goal:") }
            let slug = try #require(Self.projectSlug(inDetail: detail), "the detail names its project:\n\(detail)")
            try tmux.keys("lead", "j", "A")
            let question = try tmux.waitFor("lead") { $0.contains("Archive project") }
            #expect(question.contains("Archive project \(slug) "), "asks about the project shown:\n\(question)")
            try tmux.keys("lead", "n")
            try tmux.waitFor("lead") { $0.contains("cancelled; nothing was written") }

            try tmux.keys("lead", "Escape", "5", "Enter")
            let challenge = try tmux.waitFor("lead") { $0.contains("Project: ") && $0.contains("opened by") }
            let id = try #require(Self.challengeID(inDetail: challenge), "the detail names its challenge:\n\(challenge)")
            try tmux.keys("lead", "j", "j", "m")
            let form = try tmux.waitFor("lead") { $0.contains("Move CH-") }
            #expect(form.contains("Move \(id) "), "the move form is for \(id):\n\(form)")
            try tmux.keys("lead", "Escape")

            try tmux.keys("lead", "q")
            let closed = try tmux.waitFor("lead") { !$0.contains("opened by") && $0.contains("Challenges (") }
            #expect(closed.contains("Challenges ("), "q closed the detail and the dashboard still runs")
            #expect(try tmux.exitStatus("lead") == nil)
            try tmux.keys("lead", "q")
            let status = try tmux.waitForExit("lead")
            let screen = try tmux.screen("lead")
            #expect(status == 0, "quits with status 0:\n\(screen)")
        }
    }

    @Test("Ctrl-C in a form with typed text asks first; n keeps the form, y quits with status 0")
    func controlCInForm() throws {
        let (directory, environment) = try EndToEnd.demoWorkspace()
        defer { EndToEnd.removeDemoWorkspace(at: directory) }
        try TmuxServer.with(environment: environment) { tmux in
            try tmux.start("lead", ["--dir", directory, "--as", "amara-okafor"])
            try tmux.waitFor("lead") { $0.contains("Projects by lifecycle step") }
            try tmux.keys("lead", "2", "n")
            try tmux.waitFor("lead") { $0.contains("New project") }
            try tmux.type("lead", "draft-slug")
            try tmux.waitFor("lead") { $0.contains("draft-slug") }

            try tmux.keys("lead", "C-c")
            let asked = try tmux.waitFor("lead") { $0.contains("Quit anyway?") }
            #expect(asked.contains("unsaved input"), "Ctrl-C asks first:\n\(asked)")
            #expect(try tmux.exitStatus("lead") == nil, "still running")

            try tmux.keys("lead", "n")
            let kept = try tmux.waitFor("lead") { !$0.contains("Quit anyway?") }
            #expect(kept.contains("New project") && kept.contains("draft-slug"), "the form and its text are kept:\n\(kept)")

            try tmux.keys("lead", "C-c")
            try tmux.waitFor("lead") { $0.contains("Quit anyway?") }
            try tmux.keys("lead", "y")
            let status = try tmux.waitForExit("lead")
            let screen = try tmux.screen("lead")
            #expect(status == 0, "quits with status 0:\n\(screen)")
        }
    }

    @Test("the harness's tmux server ends on SIGTERM, and its teardown leaves no process behind")
    func tmuxServerObeysSignals() throws {
        let (directory, environment) = try EndToEnd.demoWorkspace()
        defer { EndToEnd.removeDemoWorkspace(at: directory) }
        var started: Set<pid_t> = []
        try TmuxServer.with(environment: environment) { tmux in
            try tmux.start("lead", ["--dir", directory, "--as", "amara-okafor"])
            try tmux.waitFor("lead") { $0.contains("Projects by lifecycle step") }
            tmux.noteProcesses()
            started = tmux.started
            #expect(started.count >= 2, "the server and the dashboard: \(started)")
            let server = try #require(try tmux.tmux(["list-sessions", "-F", "#{pid}"]).split(separator: "\n").first.flatMap { pid_t($0) })
            kill(server, SIGTERM)
            let deadline = Date().addingTimeInterval(5)
            while !ProcessTable.alive([server]).isEmpty && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            #expect(ProcessTable.alive([server]).isEmpty, "SIGTERM ends the tmux server")
        }
        #expect(ProcessTable.alive(started).isEmpty, "nothing the test started is alive after it")
    }

    @Test("G in Activity reaches the journal's first event, older than the state keeps")
    func activityReachesTheFirstEvent() throws {
        let (directory, environment) = try EndToEnd.demoWorkspace()
        defer { EndToEnd.removeDemoWorkspace(at: directory) }
        try TmuxServer.with(environment: environment) { tmux in
            try tmux.start("lead", ["--dir", directory, "--as", "amara-okafor"])
            try tmux.waitFor("lead") { $0.contains("Projects by lifecycle step") }
            // G once the older history is read (on another thread); before, it is the state's last entry.
            try tmux.keys("lead", "7")
            try tmux.waitFor("lead") { screen in
                screen.contains("Activity (live)") && !screen.contains("reading older history")
                    && (screen.firstMatch(of: /\d+-\d+\/(\d+)/).flatMap { Int($0.1) } ?? 0) > 500
            }
            try tmux.keys("lead", "G")
            let bottom = try tmux.waitFor("lead") { $0.contains("│     1 ") }
            #expect(bottom.contains("│     1 "), "event #1 is listed:\n\(bottom)")
            let count = bottom.firstMatch(of: /\d+-(\d+)\/(\d+)/).flatMap { Int($0.2) } ?? 0
            #expect(count > 500, "the count is every event, not the 500 the state keeps: \(count)")
        }
    }

    /// "Name (slug)" in the detail's frame title.
    static func projectSlug(inDetail screen: String) -> String? {
        for line in screen.split(separator: "\n") where line.contains("┌") && line.contains(")") {
            guard let close = line.lastIndex(of: ")"), let open = line[..<close].lastIndex(of: "(") else { continue }
            let slug = line[line.index(after: open)..<close]
            if slug.contains(where: \.isLetter) && slug.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) { return String(slug) }
        }
        return nil
    }

    /// "CH-N: title" in the detail's frame title.
    static func challengeID(inDetail screen: String) -> String? {
        for line in screen.split(separator: "\n") where line.contains("┌") {
            guard let start = line.range(of: "CH-") else { continue }
            let digits = line[start.upperBound...].prefix { $0.isNumber }
            if !digits.isEmpty && line[start.upperBound...].dropFirst(digits.count).first == ":" { return "CH-\(digits)" }
        }
        return nil
    }
}
