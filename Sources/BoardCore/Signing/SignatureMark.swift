/// What a reader found of one journal line's signature.
public enum SignatureMark: Codable, Equatable, Hashable, Sendable {
    /// The line carries no signature.
    case unsigned
    /// Signed with the key of this fingerprint, registered to the line's actor and valid at the
    /// line's position.
    case verified(fingerprint: String)
    /// A signature that does not hold, and why.
    case bad(reason: String)

    public var isVerified: Bool { if case .verified = self { true } else { false } }
    public var isBad: Bool { if case .bad = self { true } else { false } }

    public var fingerprint: String? { if case .verified(let fingerprint) = self { fingerprint } else { nil } }

    /// One word for lists: "verified", "unsigned" or "bad".
    public var word: String {
        switch self {
        case .unsigned: "unsigned"
        case .verified: "verified"
        case .bad: "bad"
        }
    }
}
