import BoardTUI
import Testing

@Suite("Display width, sanitising and the cell buffer")
struct RenderingTests {
    init() { _ = UTF8Locale.ready }

    @Test("CJK and emoji take two columns, combining marks none")
    func widths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("問い合わせ") == 10)
        #expect(DisplayWidth.of("李伟") == 4)
        #expect(DisplayWidth.of("🚀") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("한국어") == 6)
    }

    @Test("truncating and fitting respect display columns")
    func fitting() {
        #expect(DisplayWidth.truncate("問い合わせ", to: 5) == "問い…")
        #expect(DisplayWidth.of(DisplayWidth.fit("問い合わせ", to: 7)) == 7)
        #expect(DisplayWidth.fit("ab", to: 4, alignRight: true) == "  ab")
    }

    @Test("control characters and escape sequences are shown escaped, never passed on")
    func sanitise() {
        let text = Sanitize.forTerminal("red\u{1B}[31mtext\u{7}\nnext")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(text == "red^[[31mtext^G⏎next")
    }

    @Test("a wide character fills two cells and rows stay aligned; clipping never splits one")
    func buffer() {
        var buffer = CellBuffer(width: 10, height: 2)
        buffer.write("ab問い", x: 0, y: 0)
        #expect(buffer.line(0) == "ab問い    ")
        #expect(buffer[3, 0].isContinuation)
        buffer.write("問い合わせ", x: 5, y: 1)
        #expect(buffer.line(1) == "     問い ")
        #expect(buffer.rowsAreAligned)
    }

    @Test("writing over half of a wide character blanks the other half, so the row keeps its width")
    func overwriteHalf() {
        var buffer = CellBuffer(width: 6, height: 2)
        buffer.write("問い合", x: 0, y: 0)
        buffer.write("│", x: 1, y: 0)
        #expect(buffer.line(0) == " │い合")
        buffer.write("問い合", x: 0, y: 1)
        buffer.fill(Rect(x: 2, y: 1, width: 1, height: 1), style: .normal, character: "x")
        #expect(buffer.line(1) == "問x 合")
        #expect(buffer.rowsAreAligned)
    }
}
