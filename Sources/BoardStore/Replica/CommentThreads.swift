import BoardCore

/// Comments kept in memory as a replica reads them: a remote journal has no file to read a
/// comment's line back from, so its comments are held from the first read.
final class CommentThreads {
    private(set) var all: [Comment] = []
    private var byTarget: [CommentTarget: [Int]] = [:]

    func note(_ record: EventRecord) {
        guard let comment = record.comment else { return }
        byTarget[comment.target, default: []].append(all.count)
        all.append(comment)
    }

    /// Puts comments written before every one held so far in front of them.
    func insertEarlier(_ comments: [Comment]) {
        let later = all
        all = []
        byTarget = [:]
        for comment in comments + later {
            byTarget[comment.target, default: []].append(all.count)
            all.append(comment)
        }
    }

    func on(_ target: CommentTarget) -> [Comment] {
        (byTarget[target] ?? []).map { all[$0] }.sorted(by: Comment.threadOrder)
    }
}
