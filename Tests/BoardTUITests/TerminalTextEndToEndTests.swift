import Foundation
import TestSupport
import Testing

/// The real binary under tmux, whose screen is the terminal's own idea of every column.
@Suite("Text on a real terminal, in tmux", .enabled(if: TmuxServer.available && DemoDirectory.binaryBuilt, "tmux and the built binary are needed"))
struct TerminalTextEndToEndTests {
    /// A locale that is not UTF-8 (LC_ALL=C), as on servers, cron jobs and ssh sessions that do
    /// not forward LANG: borders, symbols and data must come out readable and aligned.
    @Test("under LC_ALL=C borders and symbols are not byte garbage, and columns stay aligned", arguments: [(80, 24), (120, 40)])
    func asciiLocale(size: (width: Int, height: Int)) throws {
        let demo = try DemoDirectory()
        defer { demo.remove() }
        try TmuxServer.with(label: "mlboard-render", environment: demo.environment) { tmux in
            try tmux.start("ascii", commandLine: [demo.binary.path, "--dir", demo.directory, "--as", "amara-okafor"],
                           environment: ["LC_ALL": "C"], width: size.width, height: size.height)
            // The footer, the last row of the first frame, says the frame is drawn whole.
            let overview = try tmux.waitFor("ascii") { $0.contains("Projects by lifecycle step") && $0.contains("q quit") }
            TerminalTextEndToEndTests.expectASCII(overview, size, "overview")

            try tmux.keys("ascii", "2")
            // The overview's first box is titled "Projects (8)" too, so a frame caught half drawn
            // can show that title before the list: wait for one of the list's rows as well.
            let projects = try tmux.waitFor("ascii") { $0.contains("Projects (") && $0.contains("\\u554f") }
            TerminalTextEndToEndTests.expectASCII(projects, size, "projects")
            let stepColumns = Set(projects.split(separator: "\n").compactMap { line -> Int? in
                guard let range = line.range(of: #"\d+/10 "#, options: .regularExpression) else { return nil }
                return line.distance(from: line.startIndex, to: range.lowerBound)
            })
            #expect(stepColumns.count == 1, "the step column starts at one place in every row:\n\(projects)")
            #expect(projects.contains("\\u554f"), "Japanese names are shown as escapes:\n\(projects)")

            try tmux.keys("ascii", "5")
            let challenges = try tmux.waitFor("ascii") { $0.contains("Challenges (") }
            TerminalTextEndToEndTests.expectASCII(challenges, size, "challenges")
            try tmux.keys("ascii", "q")
        }
    }

    @Test("in UTF-8, emoji, flags, ZWJ sequences and CJK leave every right border in its column", arguments: [(80, 24), (200, 60)])
    func wideText(size: (width: Int, height: Int)) throws {
        let demo = try DemoDirectory()
        defer { demo.remove() }
        let name = "Team 👍🏽 🇩🇪 ❤️ 👩‍💻 review of 🟠 顧客離反予測 with a long tail of words after it"
        try demo.run(["project", "create", "zz-emoji", "--name", name, "--goal", "risk management", "--as", "amara-okafor",
                      "--key", demo.root.appendingPathComponent("demo-keys/amara-okafor").path])  // the demo requires signatures
        try TmuxServer.with(label: "mlboard-render", environment: demo.environment) { tmux in
            try tmux.start("wide", commandLine: [demo.binary.path, "--dir", demo.directory, "--as", "amara-okafor"],
                           width: size.width, height: size.height)
            try tmux.waitFor("wide") { $0.contains("Projects by lifecycle step") }
            try tmux.keys("wide", "2")
            let projects = try tmux.waitFor("wide") { $0.contains("Projects (9)") && $0.contains("👩💻 review") }
            #expect(projects.contains("👩💻 review"), "\(projects)")
            TerminalTextEndToEndTests.expectBordersInPlace(projects, size, "projects")
            try tmux.keys("wide", ":")
            try tmux.type("wide", "project zz-emoji")
            try tmux.keys("wide", "Enter")
            let detail = try tmux.waitFor("wide") { $0.contains("Goal: ") }
            TerminalTextEndToEndTests.expectBordersInPlace(detail, size, "detail")
            try tmux.keys("wide", "Escape", "q")
        }
    }

    /// No raw UTF-8 bytes shown as "~T"/"M-" garbage, nothing but ASCII, every row of the frame
    /// as wide as the terminal and closed by its right border.
    static func expectASCII(_ screen: String, _ size: (width: Int, height: Int), _ what: String,
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

    /// Every row of the panes ends in a right border at the terminal's last column, by tmux's
    /// own count of columns (each wide character is followed by a padding cell in its grid).
    static func expectBordersInPlace(_ screen: String, _ size: (width: Int, height: Int), _ what: String,
                                     sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for y in 2..<(size.height - 2) where y < lines.count {
            #expect("│┐┘".contains(lines[y].last ?? " ") && DemoDirectory.columns(lines[y]) == size.width,
                    "\(what), row \(y) is cut or pushed:\n\(screen)", sourceLocation: sourceLocation)
        }
    }
}
