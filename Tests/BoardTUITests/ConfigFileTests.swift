import Foundation
import Testing
@testable import BoardTUI

/// config.toml and theme files: read as TOML reads them, each bad entry reported with its
/// line, the good ones kept.
@Suite("Config files")
struct ConfigFileTests {
    private func settings(_ text: String) -> UserSettings {
        UserSettings(file: "config.toml", toml: TomlFile(text: text))
    }

    private func remapped(_ keys: String) -> (map: KeyMap, problems: [String]) {
        var map = KeyMap.standard
        let problems = map.remap(settings("[keys]\n" + keys).keyEntries, file: "config.toml")
        return (map, problems)
    }

    @Test("one bad line costs only itself: the settings before and after it are kept")
    func badLineKeepsTheRest() {
        let read = settings("theme = \"light\"\nthis line is not toml\n[keys]\nquit = \"Q\"\n")
        #expect(read.theme == "light")
        #expect(read.problems.count == 1)
        #expect(read.problems.first?.hasPrefix("config.toml: line 2") == true, "\(read.problems)")
        var map = KeyMap.standard
        #expect(map.remap(read.keyEntries, file: "config.toml").isEmpty)
        #expect(map.action(for: .character("Q"), in: .projects) == .quit)
    }

    @Test("each bad entry is reported on its own, with its own line")
    func everyBadEntryHasItsLine() {
        let read = settings("mouse = \"yes\"\ncolour = 3\ntheme = \"light\"\n")
        #expect(read.theme == "light")
        #expect(read.problems.count == 2)
        #expect(read.problems[0].contains("line 1 key 'mouse'"))
        #expect(read.problems[1].contains("line 2 key 'colour'"))
    }

    @Test("[[hooks]] tables are left to 'mlboard hooks run': the dashboard reports no problem for them")
    func hookTablesAreNotUnknownSettings() {
        let read = settings("theme = \"light\"\n[[hooks]]\nname = \"notify\"\nevents = [\"stageChanged\"]\ncommand = \"true\"\n")
        #expect(read.theme == "light")
        #expect(read.problems.isEmpty, "\(read.problems)")
    }

    @Test("a binding that takes a global movement key is refused and the default kept")
    func bindingMayNotShadowMovement() {
        let (map, problems) = remapped("projects.new = \"j\"\n")
        #expect(map.action(for: .character("j"), in: .projects) == .down)
        #expect(map.action(for: .character("n"), in: .projects) == .newItem)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("line 2 key 'projects.new'") == true, "\(problems)")
        #expect(problems.first?.contains("down") == true, "\(problems)")
    }

    @Test("a binding that collides with another of its scope is refused; a later line gives way")
    func bindingMayNotCollideInItsScope() {
        let (map, problems) = remapped("projects.sort = \"e\"\n")
        #expect(map.action(for: .character("e"), in: .projects) == .edit)
        #expect(map.action(for: .character("s"), in: .projects) == .sort)
        #expect(problems.count == 1 && problems[0].contains("line 2") && problems[0].contains("projects.edit"), "\(problems)")

        let (both, clash) = remapped("quit = \"Q\"\nhelp = \"Q\"\n")
        #expect(both.action(for: .character("Q"), in: .overview) == .quit)
        #expect(both.action(for: .character("?"), in: .overview) == .help)
        #expect(clash.count == 1 && clash[0].contains("line 3 key 'help'"), "\(clash)")
    }

    @Test("a global movement key may not take a key a pane uses")
    func movementMayNotTakeAPaneKey() {
        let (map, problems) = remapped("down = \"j, Down, n\"\n")
        #expect(map.action(for: .character("n"), in: .projects) == .newItem)
        #expect(map.action(for: .character("j"), in: .projects) == .down)
        #expect(problems.count == 1 && problems[0].contains("line 2 key 'down'"), "\(problems)")
    }

    @Test("keys may be swapped within a scope, in either order of lines")
    func swapsAreAccepted() {
        let (map, problems) = remapped("projects.sort = \"n\"\nprojects.new = \"N\"\n")
        #expect(problems.isEmpty, "\(problems)")
        #expect(map.action(for: .character("n"), in: .projects) == .sort)
        #expect(map.action(for: .character("N"), in: .projects) == .newItem)
    }

    @Test("TOML strings: escaped quotes, backslashes, literal strings, comments after values")
    func tomlStrings() {
        let file = TomlFile(text: #"""
            a = "say \"hi\" \\ done" # a "quoted" comment
            b = 'C:\path\n'
            c = """
            two
            lines"""
            d = "\u0041"
            """#)
        #expect(file.problems.isEmpty, "\(file.problems)")
        let values = Dictionary(uniqueKeysWithValues: file.entries.map { ($0.path.joined(separator: "."), $0) })
        #expect(values["a"]?.value == .string(#"say "hi" \ done"#))
        #expect(values["b"]?.value == .string(#"C:\path\n"#))
        #expect(values["c"]?.value == .string("two\nlines"))
        #expect(values["d"]?.value == .string("A"))
        #expect(file.entries.map(\.line) == [1, 2, 3, 6])
    }

    @Test("a key given twice is reported at its second line; the first value stays")
    func duplicateKeys() {
        let read = settings("theme = \"light\"\n\ntheme = \"monochrome\"\n")
        #expect(read.theme == "light")
        #expect(read.problems.count == 1 && read.problems[0].contains("line 3"), "\(read.problems)")
    }

    @Test("entry lines are found correctly under tables, after multi-line values and comments")
    func entryLines() {
        let file = TomlFile(text: "# top\n[keys]\n# about quit\nquit = \"Q\"\nlist = [\n  \"x\",\n]\n\n[keys.approvals]\napprove = \"A\"\n")
        let lines = Dictionary(uniqueKeysWithValues: file.entries.map { ($0.path.joined(separator: "."), $0.line) })
        #expect(lines == ["keys.quit": 4, "keys.list": 5, "keys.approvals.approve": 10])
    }

    @Test("invalid UTF-8 in a theme is reported with its line; the other styles are kept")
    func invalidUTF8InTheme() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-utf8-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = Data("[styles]\ntitle = \"bold red\"\nerror = \"".utf8)
        bytes.append(contentsOf: [0xFF, 0xFE])
        bytes.append(Data("\"\nbar = \"green\"\n".utf8))
        try bytes.write(to: folder.appendingPathComponent("odd.toml"))
        let loaded = ThemeLibrary(folders: [folder]).load("odd")
        #expect(loaded.problems.count == 1)
        #expect(loaded.problems.first?.contains("odd.toml: line 3") == true, "\(loaded.problems)")
        #expect(loaded.problems.first?.contains("UTF-8") == true, "\(loaded.problems)")
        #expect(loaded.theme.style(for: .title) == Style(.ansi(1), on: .terminalDefault, [.bold]))
        #expect(loaded.theme.style(for: .bar) == Style(.ansi(2)))
    }
}

@Suite("Problems in the settings, shown whole")
struct SettingsProblemsTests {
    @Test("the status line counts the problems; ? lists each whole, with its line, at 80 columns")
    func problemsAreListedWhole() {
        let (dashboard, _) = DemoDashboard.make()
        let problems = [
            "/home/someone/.config/mlboard/config.toml: line 4 key 'projects.new': j is already bound to down; kept n",
            "/home/someone/.config/mlboard/config.toml: line 7 key 'mouse': write true or false",
            "/home/someone/.config/mlboard/themes/mine.toml: line 12: is not valid UTF-8; the line is ignored",
        ]
        dashboard.reportSettingsProblems(problems)
        let status = dashboard.render(width: 80, height: 24).text
        #expect(status.contains("3 problems in your settings"), "\(status)")
        dashboard.handle(.character("?"))
        let help = dashboard.render(width: 80, height: 24).text
        for fragment in ["line 4 key 'projects.new'", "kept n", "line 7 key 'mouse'", "true or false", "line 12", "the line is ignored"] {
            #expect(help.contains(fragment), "? lacks '\(fragment)':\n\(help)")
        }
    }
}
