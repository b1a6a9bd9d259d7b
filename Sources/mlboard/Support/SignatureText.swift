import BoardCore

/// How the command line shows what a line's signature proves.
enum SignatureText {
    /// " [verified SHA256:abcdefgh]", " [unsigned]" or " [BAD: reason]".
    static func suffix(_ mark: SignatureMark) -> String {
        switch mark {
        case .unsigned: " [unsigned]"
        case .verified(let fingerprint): " [verified \(short(fingerprint))]"
        case .bad(let reason): " [BAD: \(reason)]"
        }
    }

    /// "SHA256:" and the first eight characters of the fingerprint.
    static func short(_ fingerprint: String) -> String { String(fingerprint.prefix("SHA256:".count + 8)) }
}
