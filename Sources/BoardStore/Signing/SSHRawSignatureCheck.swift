import Crypto
import Foundation
import _CryptoExtras

/// The check of one key type's wire signature over the signed data (RFC 8709, RFC 5656, RFC 8332,
/// and OpenSSH's PROTOCOL.u2f for security keys).
enum SSHRawSignatureCheck {
    static func verify(_ rawSignature: [UInt8], over data: [UInt8], by key: SSHPublicKey) throws(SignatureRejection) -> VerifiedSignature {
        var reader = SSHWireReader(rawSignature)
        do {
            let algorithm = try reader.readText()
            if key.kind != .rsa && algorithm != key.kind.rawValue { throw SignatureRejection.unsupportedSignatureAlgorithm(algorithm) }
            switch key.material {
            case .ed25519(let publicKey):
                try ed25519(&reader, publicKey: publicKey, signed: data)
                return VerifiedSignature(signer: key, securityKeyFlags: nil, securityKeyCounter: nil)
            case .securityKeyEd25519(let publicKey, let application):
                let (flags, counter) = try securityKeyEd25519(&reader, publicKey: publicKey, application: application, data: data)
                return VerifiedSignature(signer: key, securityKeyFlags: flags, securityKeyCounter: counter)
            case .ecdsaP256(let publicKey):
                try ecdsaP256(&reader, publicKey: publicKey, data: data)
                return VerifiedSignature(signer: key, securityKeyFlags: nil, securityKeyCounter: nil)
            case .rsa(let publicKey, let modulusBits):
                try rsa(&reader, algorithm: algorithm, publicKey: publicKey, modulusBytes: (modulusBits + 7) / 8, data: data)
                return VerifiedSignature(signer: key, securityKeyFlags: nil, securityKeyCounter: nil)
            }
        } catch let error as SSHFormatError {
            throw .malformed(error.description)
        } catch let rejection as SignatureRejection {
            throw rejection
        } catch {
            throw .invalidSignature
        }
    }

    private static func ed25519(_ reader: inout SSHWireReader, publicKey: Curve25519.Signing.PublicKey, signed: [UInt8]) throws {
        let signature = try reader.readString()
        try reader.expectEnd("the signature")
        guard signature.count == 64, publicKey.isValidSignature(signature, for: signed) else { throw SignatureRejection.invalidSignature }
    }

    /// The authenticator signed its flags and counter with the data; they follow the signature.
    private static func securityKeyEd25519(_ reader: inout SSHWireReader, publicKey: Curve25519.Signing.PublicKey,
                                           application: String, data: [UInt8]) throws -> (UInt8, UInt32) {
        let signature = try reader.readString()
        let flags = try reader.readByte()
        let counter = try reader.readUInt32()
        try reader.expectEnd("the signature")
        let signed = securityKeySignedData(application: application, flags: flags, counter: counter, data: data)
        guard signature.count == 64, publicKey.isValidSignature(signature, for: signed) else { throw SignatureRejection.invalidSignature }
        return (flags, counter)
    }

    private static func ecdsaP256(_ reader: inout SSHWireReader, publicKey: P256.Signing.PublicKey, data: [UInt8]) throws {
        var inner = try SSHWireReader(reader.readString())
        let r = try inner.readUnsignedMPInt(), s = try inner.readUnsignedMPInt()
        try inner.expectEnd("the ECDSA signature")
        try reader.expectEnd("the signature")
        guard r.count <= 32, s.count <= 32 else { throw SignatureRejection.invalidSignature }
        let signature = try P256.Signing.ECDSASignature(rawRepresentation: leftPadded(r, to: 32) + leftPadded(s, to: 32))
        guard publicKey.isValidSignature(signature, for: SHA256.hash(data: data)) else { throw SignatureRejection.invalidSignature }
    }

    /// SSHSIG allows rsa-sha2-512 and rsa-sha2-256, never SHA-1 `ssh-rsa`. A signature shorter than the
    /// modulus is padded with leading zeros, as OpenSSH does.
    private static func rsa(_ reader: inout SSHWireReader, algorithm: String, publicKey: _RSA.Signing.PublicKey,
                            modulusBytes: Int, data: [UInt8]) throws {
        let signature = try reader.readString()
        try reader.expectEnd("the signature")
        guard signature.count <= modulusBytes else { throw SignatureRejection.invalidSignature }
        let padded = _RSA.Signing.RSASignature(rawRepresentation: leftPadded(signature, to: modulusBytes))
        let valid = switch algorithm {
        case "rsa-sha2-512": publicKey.isValidSignature(padded, for: SHA512.hash(data: data), padding: .insecurePKCS1v1_5)
        case "rsa-sha2-256": publicKey.isValidSignature(padded, for: SHA256.hash(data: data), padding: .insecurePKCS1v1_5)
        default: throw SignatureRejection.unsupportedSignatureAlgorithm(algorithm)
        }
        guard valid else { throw SignatureRejection.invalidSignature }
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

    private static func leftPadded(_ bytes: [UInt8], to count: Int) -> [UInt8] {
        [UInt8](repeating: 0, count: max(0, count - bytes.count)) + bytes
    }
}
