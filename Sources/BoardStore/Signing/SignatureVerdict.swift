/// What a verifier concluded about one signature.
public enum SignatureVerdict: Equatable, Sendable {
    case verified(VerifiedSignature)
    case rejected(SignatureRejection)

    public var isVerified: Bool {
        if case .verified = self { true } else { false }
    }
}

/// A signature that verified, and what it says about its making.
public struct VerifiedSignature: Equatable, Sendable {
    public let signer: SSHPublicKey
    /// For security keys: the authenticator's flags (bit 0: the user touched it; bit 2: verified a PIN).
    public let securityKeyFlags: UInt8?
    /// For security keys: the authenticator's signature counter.
    public let securityKeyCounter: UInt32?
}

/// Why a signature did not verify.
public enum SignatureRejection: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text or blob is not an SSHSIG signature of a supported key type.
    case malformed(String)
    case wrongNamespace(expected: String, found: String)
    case unsupportedHashAlgorithm(String)
    /// e.g. the legacy `ssh-rsa` (SHA-1), or a signature algorithm that does not belong to the key.
    case unsupportedSignatureAlgorithm(String)
    /// The signature is by another key than the one expected (fingerprints).
    case signedByAnotherKey(expected: String, found: String)
    /// The cryptographic check failed: the message, the signature or the key was changed.
    case invalidSignature

    public var description: String {
        switch self {
        case .malformed(let reason): "not a valid SSH signature: \(reason)"
        case .wrongNamespace(let expected, let found): "signed for namespace \"\(found)\", not \"\(expected)\""
        case .unsupportedHashAlgorithm(let name): "unsupported hash algorithm \"\(name)\""
        case .unsupportedSignatureAlgorithm(let name): "unsupported signature algorithm \"\(name)\""
        case .signedByAnotherKey(let expected, let found): "signed by key \(found), not \(expected)"
        case .invalidSignature: "the signature does not match the message and key"
        }
    }
}
