import TestSupport
import Foundation
import Testing

@Suite("config.toml in the real dashboard", .enabled(if: TmuxServer.available, "tmux is needed"), .serialized)
struct SettingsEndToEndTests {
    @Test("a config.toml with bad entries: the good ones apply, each problem is listed by ? with its line, j still moves")
    func badEntriesCostOnlyThemselves() throws {
        let (directory, environment) = try EndToEnd.demoWorkspace()
        defer { EndToEnd.removeDemoWorkspace(at: directory) }
        let folder = URL(fileURLWithPath: environment["XDG_CONFIG_HOME"]!).appendingPathComponent("mlboard")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let config = "theme = \"light\"\nnot toml at all\n[keys]\nprojects.new = \"j\"\nprojects.sort = \"S\"\n"
        try Data(config.utf8).write(to: folder.appendingPathComponent("config.toml"))

        try TmuxServer.with(environment: environment) { tmux in
            try tmux.start("settings", ["--dir", directory, "--as", "amara-okafor"])
            let first = try tmux.waitFor("settings", seconds: 30) { $0.contains("2 problems in your settings") }
            #expect(first.contains("2 problems in your settings"), "\(first)")
            let styled = try tmux.styledScreen("settings")
            #expect(styled.contains("48;5;253"), "theme = \"light\" before the bad line still applies")

            try tmux.keys("settings", "?")
            let help = try tmux.waitFor("settings") { $0.contains("Problems in your settings") }
            #expect(help.contains("line 2"), "\(help)")
            #expect(help.contains("line 4 key") && help.contains("'projects.new': j is already bound to down"), "\(help)")
            try tmux.keys("settings", "Escape", "2")
            try tmux.waitFor("settings") { $0.contains("Projects (") }
            try tmux.keys("settings", "S")
            let sorted = try tmux.waitFor("settings") { $0.contains("sorted by step") }
            #expect(sorted.contains("sorted by step"), "projects.sort = \"S\" after the bad lines applies:\n\(sorted)")
            try tmux.keys("settings", "j")
            Thread.sleep(forTimeInterval: 0.3)
            #expect(!(try tmux.screen("settings")).contains("New project"), "j moves; it does not open the new-project form")
            try tmux.keys("settings", "q")
        }
    }
}
