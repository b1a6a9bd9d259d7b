import BoardCore
import Testing

/// The one rule for what reaches a terminal, used by the dashboard and the command line alike.
@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("WS \u{1B}[2J", "WS ^[[2J"), ("\u{1B}]52;c;aGk=\u{07}", "^[]52;c;aGk=^G"), ("abc\u{202E}fed", "abc\\u{202e}fed"),
        ("\u{FEFF}bom", "\\u{feff}bom"), ("tag\u{E0041}", "tag\\u{e0041}"), ("csi\u{9B}2J", "csi\\u{9b}2J"), ("del\u{7F}", "del^?"),
    ])
    func controlAndFormatCharactersAreShownEscaped(text: String, shown: String) {
        #expect(TerminalText.sanitized(text) == shown)
    }

    @Test func joinedEmojiAndPlainTextPassUnchanged() {
        for text in ["👩\u{200D}💻 pairing", "日本語", "plain ASCII"] { #expect(TerminalText.sanitized(text) == text) }
        #expect(TerminalText.sanitized("\u{200D}lonely") == "\\u{200d}lonely")
    }

    @Test func keepingNewlinesSanitisesEachLine() {
        #expect(TerminalText.sanitizedLines("one\u{1B}[2J\ntwo\u{202E}") == "one^[[2J\ntwo\\u{202e}")
        #expect(TerminalText.sanitized("one\ntwo") == "one⏎two")
    }
}

extension TerminalTextTests {
    @Test func printedLinesKeepTheirTabs() {
        #expect(TerminalText.sanitizedLines("a\tb\u{1B}") == "a\tb^[")
        #expect(TerminalText.sanitized("a\tb") == "a b")
    }
}
