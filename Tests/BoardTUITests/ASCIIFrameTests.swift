import BoardCore
import Foundation
import Testing
@testable import BoardTUI

/// Frames drawn for a terminal whose locale is not UTF-8: ASCII and line drawing only (the
/// backend sends line drawing through the terminal's own character set), and aligned.
@Suite("Frames for an ASCII terminal")
struct ASCIIFrameTests {
    static let lineDrawing = Set("┌┐└┘│─├┤┬┴┼")

    @Test("every pane holds only ASCII and line drawing, one column per character, borders in place", arguments: Pane.allCases)
    func asciiOnly(pane: Pane) {
        for (width, height) in [(80, 24), (200, 60)] {
            let dashboard = UnusualText.dashboard()
            dashboard.switchPane(to: pane)
            let buffer = TerminalCharset.drawing(for: .ascii) { dashboard.render(width: width, height: height) }
            for y in 0..<height {
                let line = buffer.line(y)
                #expect(line.allSatisfy { $0.isASCII || ASCIIFrameTests.lineDrawing.contains($0) }, "\(pane), row \(y): \(line)")
                #expect(line.count == width, "\(pane) at \(width)x\(height), row \(y): \(line)")
                if (2..<(height - 2)).contains(y) { #expect("│┐┘".contains(line.last ?? " "), "\(pane), row \(y): \(line)") }
            }
        }
    }

    @Test("symbols have ASCII spellings; data is shown as fixed-width escapes")
    func spellings() {
        #expect(TerminalCharset.drawing(for: .ascii) { Sanitize.forTerminal("a → b … ✓ ✗ ▶ █ ⇧") } == "a -> b ... ok x > # ^")
        #expect(TerminalCharset.drawing(for: .ascii) { Sanitize.forTerminal("問い 🟠 é") } == "\\u554f\\u3044 \\U0001f7e0 \\u00e9")
        #expect(TerminalCharset.drawing(for: .ascii) { DisplayWidth.truncate("abcdefgh", to: 6) } == "abc...")
        #expect(TerminalCharset.drawing(for: .ascii) { DisplayWidth.of("問い…") } == 15)
    }

    @Test("CJK, emoji and cut text keep the projects table's columns in line")
    func columnsInLine() {
        let dashboard = UnusualText.dashboard()
        dashboard.switchPane(to: .projects)
        let text = TerminalCharset.drawing(for: .ascii) { dashboard.render(width: 200, height: 60).text }
        let stepColumns = Set(text.split(separator: "\n").compactMap { line -> Int? in
            guard let range = line.range(of: #"\d+/10 "#, options: .regularExpression) else { return nil }
            return line.distance(from: line.startIndex, to: range.lowerBound)
        })
        #expect(stepColumns.count == 1, "\(text)")
        #expect(text.contains("\\u9867\\u5ba2"), "the CJK name is shown as escapes")
    }
}
