import BoardCore
import CNCurses
import Testing
@testable import BoardTUI

/// ncurses places text by the C library's wcwidth; a row the buffer thinks is 80 columns must be
/// 80 columns to wcswidth too, or the terminal pushes the border out or leaves stale text.
@Suite("Text is measured as the terminal measures it")
struct TerminalWidthTests {
    init() { _ = UTF8Locale.ready }

    @Test("the measured width of every code point is what wcswidth gives the text that is drawn")
    func everyCodePoint() {
        var disagreements: [String] = []
        for value in UInt32(0x20)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            let drawn = Sanitize.forTerminal(text)
            let terminal = TerminalWidthTests.wcswidth(drawn)
            if terminal != DisplayWidth.of(text) {
                disagreements.append("U+\(String(value, radix: 16, uppercase: true)): \(DisplayWidth.of(text)) vs \(terminal)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, e.g. \(disagreements.prefix(5))")
    }

    @Test("U+1F7E0, emoji with skin tones, flags and ZWJ sequences, CJK")
    func examples() {
        #expect(DisplayWidth.of("🟠") == 2)
        for text in ["👩‍💻", "👍🏽", "🇩🇪", "❤️", "👩‍👩‍👧‍👦", "顧客", "e\u{301}", "한국어", "\u{1100}\u{1161}\u{11A8}"] {
            #expect(DisplayWidth.of(text) == TerminalWidthTests.wcswidth(Sanitize.forTerminal(text)), "\(text)")
        }
    }

    @Test("format characters (U+FEFF, U+061C, tag characters) are shown, never sent invisible")
    func formatCharacters() {
        let shown = Sanitize.forTerminal(UnusualText.formatTitle)
        #expect(!shown.unicodeScalars.contains { $0.properties.generalCategory == .format })
        #expect(shown.contains("\\u{feff}") && shown.contains("\\u{61c}") && shown.contains("\\u{e0041}"))
    }

    @Test("every row of every pane and overlay, with CJK, emoji and format characters, is exactly the frame's width",
          arguments: Pane.allCases)
    func rows(pane: Pane) {
        for (width, height) in [(80, 24), (200, 60)] {
            let dashboard = UnusualText.dashboard()
            dashboard.switchPane(to: pane)
            TerminalWidthTests.expectRowsFit(dashboard.render(width: width, height: height), "\(pane) at \(width)x\(height)")
        }
    }

    @Test("detail overlays over CJK, emoji and format characters keep their borders in place", arguments: ["zz-cjk", "zz-emoji", "zz-format"])
    func overlays(slug: String) {
        for (width, height) in [(80, 24), (200, 60)] {
            let dashboard = UnusualText.dashboard()
            dashboard.handle(.character(":"))
            DemoDashboard.type(dashboard, "project \(slug)")
            dashboard.handle(.enter)
            let buffer = dashboard.render(width: width, height: height)
            #expect(buffer.text.contains("Goal: "), "the detail is open")
            TerminalWidthTests.expectRowsFit(buffer, "\(slug) at \(width)x\(height)")
        }
    }

    static func expectRowsFit(_ buffer: CellBuffer, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for y in 0..<buffer.height {
            let line = buffer.line(y)
            #expect(wcswidth(line) == buffer.width, "\(what), row \(y): \(line)", sourceLocation: sourceLocation)
            #expect(!line.unicodeScalars.contains { $0.properties.generalCategory == .format }, "\(what), row \(y)",
                    sourceLocation: sourceLocation)
        }
    }

    /// The C library's width of `text`, -1 when it holds a character it cannot print.
    static func wcswidth(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            let width = Int(mlb_wcwidth(scalar.value))
            if width < 0 { return -1 }
            total += width
        }
        return total
    }
}
