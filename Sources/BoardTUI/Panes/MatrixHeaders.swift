/// The RACI matrix's column labels: every handle in full where they all fit, else for each
/// handle the shortest prefix that no other handle in the matrix starts with, so two people
/// never share a label ("aisha-khan" and "aishwarya-rao" become "aisha" and "aishw").
struct MatrixHeaders: Equatable {
    let labels: [String]
    /// Each column's width: its label's and a space, never narrower than a RACI letter needs.
    let widths: [Int]

    /// A prefix is at least this long, so a label reads as a name rather than a letter.
    static let shortestPrefix = 3

    init(handles: [String], width: Int) {
        let full = handles.map(MatrixHeaders.columnWidth)
        if full.reduce(0, +) <= width {
            labels = handles
            widths = full
        } else {
            labels = MatrixHeaders.uniquePrefixes(of: handles)
            widths = labels.map(MatrixHeaders.columnWidth)
        }
    }

    private static func columnWidth(_ label: String) -> Int { max(2, DisplayWidth.of(label)) + 1 }

    /// The columns that fit in `width` with `cursor` among them: from the first, or as few
    /// places after it as it takes to reach the cursor.
    func visibleColumns(width: Int, cursor: Int) -> Range<Int> {
        guard !widths.isEmpty else { return 0..<0 }
        let cursor = max(0, min(widths.count - 1, cursor))
        var first = 0
        while first < cursor && widths[first...cursor].reduce(0, +) > width { first += 1 }
        var end = first
        var used = 0
        while end < widths.count && (end == first || used + widths[end] <= width) {
            used += widths[end]
            end += 1
        }
        return first..<end
    }

    /// Each handle's shortest prefix that is no other handle's prefix: one character past the
    /// longest start it shares with its neighbours in sorted order.
    static func uniquePrefixes(of handles: [String]) -> [String] {
        let sorted = handles.map(Array.init).sorted { $0.lexicographicallyPrecedes($1) }
        var needed: [String: Int] = [:]
        for (index, handle) in sorted.enumerated() {
            let shared = [sorted[safe: index - 1], sorted[safe: index + 1]].compactMap { $0 }
                .map { commonPrefixLength(handle, $0) }.max() ?? 0
            var length = min(handle.count, max(shortestPrefix, shared + 1))
            // "li-" says less than "li-w": a prefix does not end on a separator.
            if length < handle.count, "-_.".contains(handle[length - 1]) { length += 1 }
            needed[String(handle)] = length
        }
        return handles.map { String($0.prefix(needed[$0] ?? $0.count)) }
    }

    private static func commonPrefixLength(_ a: [Character], _ b: [Character]) -> Int {
        zip(a, b).prefix { $0 == $1 }.count
    }
}
