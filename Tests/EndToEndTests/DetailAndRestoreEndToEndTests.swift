import TestSupport
import Foundation
import Testing

@Suite("A version's detail and restoring a project, in the real dashboard under tmux",
       .enabled(if: TmuxServer.available, "tmux is needed"), .serialized)
struct DetailAndRestoreEndToEndTests {
    @Test("Enter on a model card opens its detail, c comments on that version; v lists the archived projects, R restores one")
    func versionDetailAndRestore() throws {
        let (directory, environment) = try EndToEnd.demoWorkspace()
        defer { EndToEnd.removeDemoWorkspace(at: directory) }
        try TmuxServer.with(environment: environment) { tmux in
            try tmux.start("lead", ["demo", "--dir", directory, "--as", "amara-okafor"])
            try tmux.waitFor("lead") { $0.contains("Projects by lifecycle step") }

            try tmux.keys("lead", "4", "Enter")
            let detail = try tmux.waitFor("lead") { $0.contains("Metrics against the gates of") }
            #expect(detail.contains("Stage and alias history") && detail.contains("Promotion requests"), "\(detail)")
            try tmux.keys("lead", "j", "c")
            try tmux.waitFor("lead") { $0.contains("Comment on version ") }
            try tmux.type("lead", "checked under tmux")
            try tmux.keys("lead", "Enter")
            let commented = try tmux.waitFor("lead") { $0.contains(": saved") }
            #expect(commented.contains("Metrics against the gates of"), "back in the detail:\n\(commented)")
            try tmux.keys("lead", "q")
            try tmux.waitFor("lead") { !$0.contains("Metrics against the gates of") }

            try tmux.keys("lead", "2", "A")
            try tmux.waitFor("lead") { $0.contains("Archive project") }
            try tmux.keys("lead", "y")
            try tmux.waitFor("lead") { $0.contains("archived ") }
            try tmux.keys("lead", "v")
            try tmux.waitFor("lead") { $0.contains("Archived projects (1)") }
            try tmux.keys("lead", "R")
            try tmux.waitFor("lead") { $0.contains("Restore project") }
            try tmux.keys("lead", "y")
            let restored = try tmux.waitFor("lead") { $0.contains("restored ") }
            #expect(restored.contains("Archived projects (0)"), "the restored project left the archived list:\n\(restored)")

            try tmux.keys("lead", "q")
            #expect(try tmux.waitForExit("lead") == 0)
        }
    }
}
