/// A y/n question before a governance or destructive action.
enum ConfirmOverlay {
    static func draw(_ confirmation: Confirmation, in rect: Rect, into buffer: inout CellBuffer) {
        let lines = Panel.wrap(confirmation.question, width: 56)
        let inner = Panel.open("Confirm", width: 60, height: lines.count + 4, in: rect, into: &buffer)
        Panel.lines(lines.map { ($0, .warning) }, from: inner.y, in: inner, into: &buffer)
        buffer.write("y  yes    n  no", x: inner.x, y: inner.maxY - 1, style: .key)
    }
}
