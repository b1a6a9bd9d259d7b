import Foundation

/// Verifies SSHSIG signatures natively, as `ssh-keygen -Y verify` does, without starting a process.
public struct SSHSignatureVerifier: Sendable {
    /// The namespace every mlboard signature is made in.
    public static let mlboardNamespace = "mlboard"

    public let namespace: String

    public init(namespace: String = SSHSignatureVerifier.mlboardNamespace) {
        self.namespace = namespace
    }

    /// Checks that `signature` is `key`'s signature over `message` in this verifier's namespace.
    public func verify(message: some DataProtocol, signature: SSHSignature, by key: SSHPublicKey) -> SignatureVerdict {
        guard signature.publicKey == key else {
            return .rejected(.signedByAnotherKey(expected: key.fingerprint, found: signature.publicKey.fingerprint))
        }
        return verifyIgnoringSigner(message: message, signature: signature)
    }

    /// Parses `signatureText` (armored, or a one-line base64 blob) and verifies it.
    public func verify(message: some DataProtocol, signatureText: String, by key: SSHPublicKey) -> SignatureVerdict {
        do throws(SSHFormatError) {
            return verify(message: message, signature: try SSHSignature(parsing: signatureText), by: key)
        } catch {
            return .rejected(.malformed(error.description))
        }
    }

    /// Verifies with the key the signature names, as `ssh-keygen -Y check-novalidate` does; the caller
    /// must then decide whether that key may sign (the verdict names it).
    public func verifyIgnoringSigner(message: some DataProtocol, signature: SSHSignature) -> SignatureVerdict {
        guard signature.namespace == namespace else {
            return .rejected(.wrongNamespace(expected: namespace, found: signature.namespace))
        }
        guard let hash = SSHSignatureHash(rawValue: signature.hashAlgorithm) else {
            return .rejected(.unsupportedHashAlgorithm(signature.hashAlgorithm))
        }
        let signedData = SSHSignedData.bytes(message: message, namespace: namespace, hash: hash)
        do throws(SignatureRejection) {
            return .verified(try SSHRawSignatureCheck.verify(signature.rawSignature, over: signedData, by: signature.publicKey))
        } catch {
            return .rejected(error)
        }
    }
}
