import Testing
@testable import BoardTUI

@Suite("One key table drives input, footer and help")
struct KeyMapTests {
    @Test("every binding of a pane appears in the help overlay, and the footer shows its hinted keys")
    func helpMatchesTable() {
        let (dashboard, _) = DemoDashboard.make()
        for pane in Pane.allCases {
            dashboard.switchPane(to: pane)
            dashboard.handle(.character("?"))
            let screen = dashboard.render(width: 160, height: 60).text
            for binding in dashboard.keyMap.bindings(in: pane.scope) + dashboard.keyMap.bindings(in: .global) {
                #expect(screen.contains(binding.help), "help of \(pane) lacks '\(binding.help)'")
            }
            dashboard.handle(.escape)
            let footer = dashboard.render(width: 200, height: 40).line(38)
            for hint in dashboard.keyMap.hints(for: pane.scope).prefix(3) {
                #expect(footer.contains(hint.help), "footer of \(pane) lacks '\(hint.help)'")
            }
        }
    }

    @Test("no two bindings of one scope share a key")
    func noClashes() {
        for scope in KeyScope.allCases {
            let keys = KeyMap.standard.bindings(in: scope).flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "scope \(scope) binds a key twice")
        }
    }

    @Test("config.toml remaps keys; a bad entry is reported with its line and the default kept")
    func remap() {
        var map = KeyMap.standard
        let problems = map.remap(with: "theme = \"light\"\n[keys]\nquit = \"Q, Ctrl-q\"\napprovals.approve = \"A\"\nfly = \"f\"\nhelp = \"F1 key\"\n",
                                 file: "config.toml")
        #expect(map.action(for: .character("Q"), in: .projects) == .quit)
        #expect(map.action(for: .control("q"), in: .projects) == .quit)
        #expect(map.action(for: .character("q"), in: .projects) == nil)
        #expect(map.action(for: .character("A"), in: .approvals) == .approve)
        #expect(problems.count == 2)
        #expect(problems[0].contains("line 5") && problems[0].contains("'fly'"))
        #expect(problems[1].contains("line 6") && problems[1].contains("'help'"))
        #expect(map.action(for: .character("?"), in: .projects) == .help)
    }
}
