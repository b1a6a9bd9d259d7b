/// A cleared, framed area centred over the panes, for overlays.
enum Panel {
    static func open(_ title: String, width: Int, height: Int, in rect: Rect, into buffer: inout CellBuffer) -> Rect {
        let w = min(rect.width, width)
        let h = min(rect.height, height)
        let area = Rect(x: rect.x + (rect.width - w) / 2, y: rect.y + (rect.height - h) / 2, width: w, height: h)
        buffer.fill(area, style: .normal)
        return Box.draw(title, in: area, into: &buffer)
    }

    /// Writes wrapped lines from `y`, returns the next free row.
    @discardableResult
    static func lines(_ lines: [(String, StyleRole)], from y: Int, in rect: Rect, into buffer: inout CellBuffer) -> Int {
        var row = y
        for (text, style) in lines {
            for piece in wrap(text, width: rect.width) {
                guard row < rect.maxY else { return row }
                buffer.write(piece, x: rect.x, y: row, style: style, maxWidth: rect.width)
                row += 1
            }
        }
        return row
    }

    /// Writes the wrapped lines from `scroll` on, as many as fit in `rect`; returns how far
    /// they can scroll (0 when all fit) and how many rows a page holds.
    @discardableResult
    static func scrolledLines(_ lines: [(String, StyleRole)], scroll: Int, in rect: Rect, into buffer: inout CellBuffer) -> DetailScroll {
        let wrapped = lines.flatMap { text, style in wrap(text, width: rect.width).map { ($0, style) } }
        let limit = max(0, wrapped.count - rect.height)
        for (row, (text, style)) in wrapped.dropFirst(min(scroll, limit)).prefix(rect.height).enumerated() {
            buffer.write(text, x: rect.x, y: rect.y + row, style: style, maxWidth: rect.width)
        }
        return DetailScroll(limit: limit, page: max(1, rect.height))
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if DisplayWidth.of(String(paragraph)) <= width {
                result.append(String(paragraph))
                continue
            }
            var line = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if DisplayWidth.of(candidate) > width && !line.isEmpty {
                    result.append(line)
                    line = String(word)
                } else {
                    line = candidate
                }
            }
            result.append(line)
        }
        return result
    }
}

/// How far a detail can scroll and how many lines make a page, as last drawn.
struct DetailScroll {
    var limit = 0
    var page = 10
}
