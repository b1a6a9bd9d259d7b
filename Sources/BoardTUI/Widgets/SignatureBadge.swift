import BoardCore

/// What a line's signature proves, as the dashboard shows it: a word styled by its meaning.
enum SignatureBadge {
    static func cell(_ mark: SignatureMark) -> TableCell {
        switch mark {
        case .verified: TableCell("verified", .pass)
        case .unsigned: TableCell("unsigned", .muted)
        case .bad: TableCell("BAD", .error)
        }
    }

    /// "verified SHA256:Re+xJUl8", "unsigned" or "BAD signature: reason".
    static func text(_ mark: SignatureMark) -> String {
        switch mark {
        case .verified(let fingerprint): "verified \(fingerprint.prefix("SHA256:".count + 8))"
        case .unsigned: "unsigned"
        case .bad(let reason): "BAD signature: \(reason)"
        }
    }
}
