import BoardCore

/// Where one journal line is: its first byte, its length without the newline, its sequence.
struct JournalSpan: Equatable, Sendable {
    var offset: UInt64
    var length: UInt32
    var sequence: Int64
}

/// Where each comment's line is in the journal, by what the comment is attached to, for the
/// journal's lines up to `position`. Comments are history: the state keeps only their counter,
/// and a reader fetches the lines it shows through this index.
struct CommentIndex: Equatable, Sendable {
    var position: JournalPosition
    var spans: [CommentTarget: [JournalSpan]] = [:]

    static let empty = CommentIndex(position: .start)

    var count: Int { spans.values.reduce(0) { $0 + $1.count } }

    mutating func note(_ target: CommentTarget, at span: JournalSpan) {
        spans[target, default: []].append(span)
    }

    /// This index followed by `later`, which covers the lines after this one's position.
    func followed(by later: CommentIndex) -> CommentIndex {
        var joined = self
        for (target, more) in later.spans { joined.spans[target, default: []] += more }
        joined.position = later.position
        return joined
    }

    /// The same index cut back to the lines up to `position`, a line this index covers.
    func cut(at position: JournalPosition) -> CommentIndex {
        guard position.sequence < self.position.sequence else { return self }
        var cut = CommentIndex(position: position)
        for (target, all) in spans {
            let kept = all.filter { $0.sequence <= position.sequence }
            if !kept.isEmpty { cut.spans[target] = kept }
        }
        return cut
    }
}
