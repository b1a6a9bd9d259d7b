import BoardCore

extension CommentTarget {
    /// The target as a comment's journal line writes it, for a store that finds the comments
    /// on one target where the lines are kept.
    public func journalJSON() throws -> String {
        String(decoding: try CanonicalJSON.encode(self), as: UTF8.self)
    }
}
