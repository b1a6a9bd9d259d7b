import Foundation
import Crypto
import _CryptoExtras

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
            return try SSHRawSignatureCheck.verify(signature.rawSignature, over: signedData, by: signature.publicKey)
        } catch {
            return .rejected(error)
        }
    }
}

/// The check of one key type's wire signature over the signed data (RFC 8709, RFC 5656, RFC 8332,
/// and OpenSSH's PROTOCOL.u2f for security keys).
enum SSHRawSignatureCheck {
    static func verify(_ rawSignature: [UInt8], over data: [UInt8], by key: SSHPublicKey) throws(SignatureRejection) -> SignatureVerdict {
        var reader = SSHWireReader(rawSignature)
        let algorithm: String
        do throws(SSHFormatError) { algorithm = try reader.readText() } catch { throw .malformed(error.description) }
        var flags: UInt8?
        var counter: UInt32?
        let valid: Bool
        do {
            switch key.material {
            case .ed25519(let publicKey):
                try expect(algorithm, is: key.kind.rawValue)
                let signature = try reader.readString()
                try reader.expectEnd("the signature")
                valid = signature.count == 64 && publicKey.isValidSignature(signature, for: data)
            case .securityKeyEd25519(let publicKey, let application):
                try expect(algorithm, is: key.kind.rawValue)
                let signature = try reader.readString()
                flags = try reader.readByte()
                counter = try reader.readUInt32()
                try reader.expectEnd("the signature")
                let signed = securityKeySignedData(application: application, flags: flags!, counter: counter!, data: data)
                valid = signature.count == 64 && publicKey.isValidSignature(signature, for: signed)
            case .ecdsaP256(let publicKey):
                try expect(algorithm, is: key.kind.rawValue)
                var inner = try SSHWireReader(reader.readString())
                let r = try inner.readUnsignedMPInt(), s = try inner.readUnsignedMPInt()
                try inner.expectEnd("the ECDSA signature")
                try reader.expectEnd("the signature")
                guard r.count <= 32, s.count <= 32,
                      let signature = try? P256.Signing.ECDSASignature(rawRepresentation: leftPadded(r, to: 32) + leftPadded(s, to: 32))
                else { throw SignatureRejection.invalidSignature }
                valid = publicKey.isValidSignature(signature, for: SHA256.hash(data: data))
            case .rsa(let publicKey, let modulusBits):
                let signature = try reader.readString()
                try reader.expectEnd("the signature")
                let modulusBytes = (modulusBits + 7) / 8
                guard signature.count <= modulusBytes else { throw SignatureRejection.invalidSignature }
                let padded = _RSA.Signing.RSASignature(rawRepresentation: leftPadded(signature, to: modulusBytes))
                switch algorithm {
                case "rsa-sha2-512":
                    valid = publicKey.isValidSignature(padded, for: SHA512.hash(data: data), padding: .insecurePKCS1v1_5)
                case "rsa-sha2-256":
                    valid = publicKey.isValidSignature(padded, for: SHA256.hash(data: data), padding: .insecurePKCS1v1_5)
                default:
                    throw SignatureRejection.unsupportedSignatureAlgorithm(algorithm)
                }
            }
        } catch let error as SSHFormatError {
            throw .malformed(error.description)
        } catch let rejection as SignatureRejection {
            throw rejection
        } catch {
            throw .invalidSignature
        }
        guard valid else { throw .invalidSignature }
        return .verified(VerifiedSignature(signer: key, securityKeyFlags: flags, securityKeyCounter: counter))
    }

    /// What a FIDO authenticator signs: `SHA256(application) || flags || counter || SHA256(data)`.
    static func securityKeySignedData(application: String, flags: UInt8, counter: UInt32, data: [UInt8]) -> [UInt8] {
        var writer = SSHWireWriter()
        writer.write(SHA256.hash(data: Array(application.utf8)))
        writer.writeByte(flags)
        writer.writeUInt32(counter)
        writer.write(SHA256.hash(data: data))
        return writer.bytes
    }

    private static func expect(_ algorithm: String, is expected: String) throws(SignatureRejection) {
        guard algorithm == expected else { throw .unsupportedSignatureAlgorithm(algorithm) }
    }

    private static func leftPadded(_ bytes: [UInt8], to count: Int) -> [UInt8] {
        [UInt8](repeating: 0, count: max(0, count - bytes.count)) + bytes
    }
}
