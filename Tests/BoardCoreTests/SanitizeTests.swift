import BoardCore
import Testing

/// The one sanitiser, used by the dashboard and the command line alike.
@Suite struct SanitizeTests {
    @Test(arguments: [
        ("WS \u{1B}[2J", "WS ^[[2J"), ("\u{1B}]52;c;aGk=\u{07}", "^[]52;c;aGk=^G"), ("abc\u{202E}fed", "abc\\u{202e}fed"),
        ("\u{FEFF}bom", "\\u{feff}bom"), ("tag\u{E0041}", "tag\\u{e0041}"), ("csi\u{9B}2J", "csi\\u{9b}2J"), ("del\u{7F}", "del^?"),
    ])
    func controlAndFormatCharactersAreShownEscaped(text: String, shown: String) {
        #expect(Sanitize.forTerminal(text) == shown)
    }

    @Test func joinedEmojiAndPlainTextPassUnchanged() {
        for text in ["👩\u{200D}💻 pairing", "日本語", "plain ASCII"] { #expect(Sanitize.forTerminal(text) == text) }
        #expect(Sanitize.forTerminal("\u{200D}lonely") == "\\u{200d}lonely")
    }

    @Test func keepingNewlinesSanitisesEachLine() {
        #expect(Sanitize.keepingNewlines("one\u{1B}[2J\ntwo\u{202E}") == "one^[[2J\ntwo\\u{202e}")
        #expect(Sanitize.forTerminal("one\ntwo") == "one⏎two")
    }
}
