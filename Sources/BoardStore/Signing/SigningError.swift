/// Why a signature could not be made.
public enum SigningError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No agent at $SSH_AUTH_SOCK, or it could not be reached.
    case agentUnavailable(String)
    /// The agent answered with a failure or with something that is not an answer.
    case agentRefused(String)
    /// The agent does not hold the key (fingerprint).
    case keyNotInAgent(String)
    /// `ssh-keygen -Y sign` could not be started or failed (its message).
    case sshKeygenFailed(String)
    /// A private key file mlboard cannot sign with natively (encrypted, or not Ed25519).
    case unsupportedPrivateKey(String)
    /// The signature made does not verify with the key it claims; nothing is signed.
    case madeInvalidSignature(SignatureRejection)

    public var description: String {
        switch self {
        case .agentUnavailable(let reason): "ssh-agent is not available: \(reason)"
        case .agentRefused(let reason): "ssh-agent refused to sign: \(reason)"
        case .keyNotInAgent(let fingerprint): "ssh-agent does not hold the key \(fingerprint)"
        case .sshKeygenFailed(let message): "ssh-keygen -Y sign failed: \(message)"
        case .unsupportedPrivateKey(let reason): "cannot sign with this key file: \(reason)"
        case .madeInvalidSignature(let rejection): "the signature made does not verify: \(rejection)"
        }
    }
}

/// Something that signs messages for mlboard with one SSH key.
public protocol SSHMessageSigner: Sendable {
    var publicKey: SSHPublicKey { get }
    /// Signs `message` (for mlboard: a journal line's hash) in the SSHSIG format.
    func sign(_ message: [UInt8]) throws(SigningError) -> SSHSignature
}

extension SSHMessageSigner {
    /// Wraps a key's raw signature into SSHSIG, and checks it verifies before anyone relies on it.
    func assemble(rawSignature: [UInt8], message: [UInt8], namespace: String, hash: SSHSignatureHash) throws(SigningError) -> SSHSignature {
        let signature = SSHSignature(publicKey: publicKey, namespace: namespace, hashAlgorithm: hash, rawSignature: rawSignature)
        try checkVerifies(signature, message: message, namespace: namespace)
        return signature
    }

    func checkVerifies(_ signature: SSHSignature, message: [UInt8], namespace: String) throws(SigningError) {
        let verdict = SSHSignatureVerifier(namespace: namespace).verify(message: message, signature: signature, by: publicKey)
        if case .rejected(let rejection) = verdict { throw .madeInvalidSignature(rejection) }
    }
}
