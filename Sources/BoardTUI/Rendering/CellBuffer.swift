/// One screen cell: a grapheme and its style. A grapheme wider than one column fills its cell
/// and marks the next ones as its continuation.
public struct Cell: Equatable, Sendable {
    public var character: Character
    public var style: StyleRole
    public var isContinuation: Bool

    public static let blank = Cell(character: " ", style: .normal, isContinuation: false)
}

/// A rectangle of cells that panes draw into each frame; the backend copies it to the
/// terminal, and tests read it as text.
public struct CellBuffer: Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` (sanitised) at column `x` of row `y`, clipped to `maxWidth` columns and to
    /// the buffer. Returns the columns used.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: StyleRole = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? width, width - max(0, x))
        let charset = TerminalCharset.current
        var column = x
        var used = 0
        for character in Sanitize.forTerminal(text, charset: charset) {
            let cellWidth = DisplayWidth.columns(of: character, charset: charset)
            if cellWidth == 0 { continue }
            if used + cellWidth > limit { break }
            if column >= 0 { place(character, columns: cellWidth, x: column, y: y, style: style) }
            column += cellWidth
            used += cellWidth
        }
        return used
    }

    public mutating func fill(_ rect: Rect, style: StyleRole, character: Character = " ") {
        for y in rect.y..<rect.maxY where y >= 0 && y < height {
            for x in rect.x..<rect.maxX where x >= 0 && x < width {
                place(character, columns: 1, x: x, y: y, style: style)
            }
        }
    }

    /// Puts a character `columns` wide at (x, y). Any wide character it covers only in part is
    /// blanked whole: half of one left behind would shift the rest of the row on the terminal.
    private mutating func place(_ character: Character, columns: Int, x: Int, y: Int, style: StyleRole) {
        let row = y * width
        var start = x
        while start > 0 && cells[row + start].isContinuation { start -= 1 }
        for column in start..<x { cells[row + column] = Cell(character: " ", style: cells[row + column].style, isContinuation: false) }
        cells[row + x] = Cell(character: character, style: style, isContinuation: false)
        let end = min(width, x + columns)
        for column in (x + 1)..<max(x + 1, end) {
            cells[row + column] = Cell(character: " ", style: style, isContinuation: true)
        }
        var next = end
        while next < width && cells[row + next].isContinuation {
            cells[row + next] = Cell(character: " ", style: cells[row + next].style, isContinuation: false)
            next += 1
        }
    }

    /// Restyles a row segment without changing its text (for selection highlight).
    public mutating func restyle(row y: Int, from x: Int, width span: Int, style: StyleRole) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<max(max(0, x), min(width, x + span)) { cells[y * width + column].style = style }
    }

    /// The buffer as lines of text, for tests and snapshots.
    public var text: String {
        (0..<height).map(line).joined(separator: "\n")
    }

    /// Row `y` as the characters the terminal is sent.
    public func line(_ y: Int) -> String {
        var result = ""
        for x in 0..<width where !self[x, y].isContinuation { result.append(self[x, y].character) }
        return result
    }
}
/// A rectangle of screen cells.
public struct Rect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    public func inset(by amount: Int) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }

    /// Splits off `rows` rows from the top; returns (top, rest).
    public func splitTop(_ rows: Int) -> (Rect, Rect) {
        let top = min(rows, height)
        return (Rect(x: x, y: y, width: width, height: top), Rect(x: x, y: y + top, width: width, height: height - top))
    }

    public func splitLeft(_ columns: Int) -> (Rect, Rect) {
        let left = min(columns, width)
        return (Rect(x: x, y: y, width: left, height: height), Rect(x: x + left, y: y, width: width - left, height: height))
    }
}
