import BoardCore

/// The comments section of a detail or review: the thread on one thing, oldest first, as the
/// workspace reads it from its history (nothing when there is none).
enum CommentLines {
    static func section(_ context: PaneContext, on target: CommentTarget, withTimes: Bool = false) -> [(String, StyleRole)] {
        let heading: [(String, StyleRole)] = [("", .normal), ("Comments", .header)]
        switch context.comments(target) {
        case .success(let comments):
            guard !comments.isEmpty else { return [] }
            return heading + comments.map { comment in
                let when = withTimes ? " \(comment.at.iso8601)" : ""
                return ("  \(comment.author)\(when): \(comment.body)", .normal)
            }
        case .failure(let error):
            return heading + [("  could not be read: \(error)", .error)]
        }
    }
}
