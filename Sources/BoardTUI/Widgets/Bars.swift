/// Horizontal bars and progress bars drawn with block characters.
enum Bars {
    /// "label ████▌ 12" rows, scaled to the largest value.
    static func chart(_ items: [(label: String, value: Int)], in rect: Rect, into buffer: inout CellBuffer, labelWidth: Int) {
        let largest = max(1, items.map(\.value).max() ?? 1)
        let barSpace = max(1, rect.width - labelWidth - 6)
        for (index, item) in items.prefix(rect.height).enumerated() {
            let y = rect.y + index
            buffer.write(DisplayWidth.fit(item.label, to: labelWidth), x: rect.x, y: y)
            let length = max(item.value > 0 ? 1 : 0, item.value * barSpace / largest)
            buffer.write(String(repeating: "█", count: length), x: rect.x + labelWidth + 1, y: y, style: .bar)
            buffer.write("\(item.value)", x: rect.x + labelWidth + 2 + length, y: y, style: .muted)
        }
    }

    /// "[■■■□□□□□□□]" for `done` of `total`.
    static func progress(done: Int, total: Int, width: Int) -> String {
        guard total > 0, width > 2 else { return "" }
        let filled = min(width - 2, done * (width - 2) / total)
        return "[" + String(repeating: "■", count: filled) + String(repeating: "□", count: width - 2 - filled) + "]"
    }
}
