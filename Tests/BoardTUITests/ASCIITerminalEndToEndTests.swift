import Foundation
import Testing

/// The real binary in a locale that is not UTF-8 (LC_ALL=C), as on servers, cron jobs and ssh
/// sessions that do not forward LANG: borders, symbols and data must come out readable and aligned.
@Suite("The dashboard under LC_ALL=C in tmux", .enabled(if: PrivateTmux.available && MLBoardBinary.url != nil, "tmux and the built binary are needed"))
struct ASCIITerminalEndToEndTests {
    @Test("borders and symbols are not byte garbage, and columns stay aligned", arguments: [(80, 24), (120, 40)])
    func asciiLocale(size: (width: Int, height: Int)) throws {
        let binary = try #require(MLBoardBinary.url)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-ascii-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: root) }
        var environment = ProcessInfo.processInfo.environment
        for key in ["MLBOARD_DIR", "MLBOARD_USER", "NO_COLOR", "TMUX", "LC_ALL", "LC_CTYPE"] { environment.removeValue(forKey: key) }
        environment["LANG"] = "C.UTF-8"  // tmux itself reads UTF-8; only the dashboard runs under LC_ALL=C
        environment["XDG_STATE_HOME"] = root.appendingPathComponent("state").path
        environment["XDG_CONFIG_HOME"] = root.appendingPathComponent("config").path
        let directory = root.appendingPathComponent("demo").path
        let demo = Process()
        demo.executableURL = binary
        demo.arguments = ["demo", "--no-tui", "--dir", directory]
        demo.environment = environment
        demo.standardOutput = FileHandle.nullDevice
        try demo.run()
        demo.waitUntilExit()

        let tmux = PrivateTmux(environment: environment)
        defer { tmux.stop() }
        tmux.start("ascii", width: size.width, height: size.height,
                   command: "env LC_ALL=C TERM=xterm-256color '\(binary.path)' --dir '\(directory)' --as amara-okafor")
        let overview = tmux.waitFor("ascii") { $0.contains("Projects by lifecycle step") }
        ASCIITerminalEndToEndTests.expectReadable(overview, size, "overview")

        tmux.keys("ascii", "2")
        let projects = tmux.waitFor("ascii") { $0.contains("Projects (") }
        ASCIITerminalEndToEndTests.expectReadable(projects, size, "projects")
        let stepColumns = Set(projects.split(separator: "\n").compactMap { line -> Int? in
            guard let range = line.range(of: #"\d+/10 "#, options: .regularExpression) else { return nil }
            return line.distance(from: line.startIndex, to: range.lowerBound)
        })
        #expect(stepColumns.count == 1, "the step column starts at one place in every row:\n\(projects)")
        #expect(projects.contains("\\u554f"), "Japanese names are shown as escapes:\n\(projects)")

        tmux.keys("ascii", "5")
        let challenges = tmux.waitFor("ascii") { $0.contains("Challenges (") }
        ASCIITerminalEndToEndTests.expectReadable(challenges, size, "challenges")
        tmux.keys("ascii", "q")
    }

    /// No raw UTF-8 bytes shown as "~T"/"M-" garbage, nothing but ASCII, every
    /// row of the frame as wide as the terminal and closed by its right border.
    static func expectReadable(_ screen: String, _ size: (width: Int, height: Int), _ what: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(!screen.contains("~T") && !screen.contains("M-"), "\(what) shows byte garbage:\n\(screen)", sourceLocation: sourceLocation)
        #expect(screen.allSatisfy { $0.isASCII }, "\(what):\n\(screen)", sourceLocation: sourceLocation)
        // capture-pane shows line drawing sent through the alternate character set by its VT100
        // letters: "x" a vertical line, "k" and "j" the right corners.
        for y in 2..<(size.height - 2) where y < lines.count {
            #expect(lines[y].count == size.width && "xkj".contains(lines[y].last ?? " "),
                    "\(what), row \(y) is cut or pushed:\n\(screen)", sourceLocation: sourceLocation)
        }
    }
}
