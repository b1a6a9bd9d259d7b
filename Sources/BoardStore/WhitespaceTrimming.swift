extension StringProtocol {
    /// The text without white space or line ends around it, by Swift's own `Character.isWhitespace`:
    /// Foundation's `trimmingCharacters(in:)` builds its character sets at first use, which a small
    /// command reading one pinned key or alarm paid for at every start.
    var trimmedOfWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(self[first...last])
    }
}
