/// Draws a frame with a title and returns the area inside it.
enum Box {
    @discardableResult
    static func draw(_ title: String, in rect: Rect, focused: Bool = true, into buffer: inout CellBuffer) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let style: StyleRole = focused ? .focusedBorder : .border
        let horizontal = String(repeating: "─", count: rect.width - 2)
        buffer.write("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: style)
        for y in rect.y + 1 ..< rect.maxY - 1 {
            buffer.write("│", x: rect.x, y: y, style: style)
            buffer.write("│", x: rect.maxX - 1, y: y, style: style)
        }
        buffer.write("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: style)
        if !title.isEmpty && rect.width > 6 {
            buffer.write(" \(DisplayWidth.truncate(title, to: rect.width - 6)) ", x: rect.x + 2, y: rect.y, style: .title)
        }
        return rect.inset(by: 1)
    }
}
