@preconcurrency import Crypto // its key types are immutable, but not marked Sendable in swift-crypto 3
import Foundation

/// Signs natively with an unencrypted OpenSSH Ed25519 private key file (`ssh-keygen -t ed25519 -N ''`),
/// the format of PROTOCOL.key. Ed25519 signatures are deterministic, so they equal ssh-keygen's.
public struct Ed25519FileSigner: SSHMessageSigner {
    static let armorBegin = "-----BEGIN OPENSSH PRIVATE KEY-----"
    static let armorEnd = "-----END OPENSSH PRIVATE KEY-----"
    static let magic = Array("openssh-key-v1\0".utf8)

    public let publicKey: SSHPublicKey
    public let namespace: String
    private let privateKey: Curve25519.Signing.PrivateKey

    public init(contentsOf path: String, namespace: String = SSHSignatureVerifier.mlboardNamespace) throws(SigningError) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .unsupportedPrivateKey("cannot read \(path)")
        }
        try self.init(privateKeyText: text, namespace: namespace)
    }

    public init(privateKeyText text: String, namespace: String = SSHSignatureVerifier.mlboardNamespace) throws(SigningError) {
        self.namespace = namespace
        do throws(SSHFormatError) {
            (publicKey, privateKey) = try Self.parse(text)
        } catch {
            throw .unsupportedPrivateKey(error.description)
        }
    }

    public func sign(_ message: [UInt8]) throws(SigningError) -> SSHSignature {
        let data = SSHSignedData.bytes(message: message, namespace: namespace, hash: .sha512)
        guard let signature = try? privateKey.signature(for: data) else {
            throw .unsupportedPrivateKey("the key cannot sign")
        }
        var raw = SSHWireWriter()
        raw.writeString(SSHPublicKey.Kind.ed25519.rawValue)
        raw.writeString(Array(signature))
        // Not checked as the other signers' answers are: this key's public half was derived from
        // its private half when the file was read, and the signature is made here, in process.
        return SSHSignature(publicKey: publicKey, namespace: namespace, hashAlgorithm: .sha512, rawSignature: raw.bytes)
    }

    private static func parse(_ text: String) throws(SSHFormatError) -> (SSHPublicKey, Curve25519.Signing.PrivateKey) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix(armorBegin), trimmed.hasSuffix(armorEnd) else {
            throw SSHFormatError("not an OpenSSH private key")
        }
        let body = trimmed.dropFirst(armorBegin.count).dropLast(armorEnd.count).filter { !$0.isWhitespace }
        guard let blob = Data(base64Encoded: String(body)) else { throw SSHFormatError("the key is not base64") }
        var reader = SSHWireReader(blob)
        guard try reader.readBytes(magic.count) == magic else { throw SSHFormatError("not an openssh-key-v1 key") }
        let cipher = try reader.readText(), kdf = try reader.readText()
        _ = try reader.readString() // kdf options
        guard cipher == "none", kdf == "none" else { throw SSHFormatError("the key is encrypted (use ssh-agent)") }
        guard try reader.readUInt32() == 1 else { throw SSHFormatError("the file holds more than one key") }
        let publicKey = try SSHPublicKey(wireBlob: reader.readString())
        guard publicKey.kind == .ed25519 else { throw SSHFormatError("only Ed25519 keys are signed natively") }
        var secret = try SSHWireReader(reader.readString())
        try reader.expectEnd("the key file")
        guard try secret.readUInt32() == secret.readUInt32() else { throw SSHFormatError("the key's check numbers differ") }
        guard try secret.readText() == publicKey.kind.rawValue else { throw SSHFormatError("the private key's type differs") }
        let publicBytes = try secret.readString()
        let secretBytes = try secret.readString()
        guard secretBytes.count == 64, Array(secretBytes[32...]) == publicBytes,
              let privateKey = try? Curve25519.Signing.PrivateKey(rawRepresentation: secretBytes[..<32]),
              SSHPublicKeyMaterial.ed25519Raw(publicKey) == Array(privateKey.publicKey.rawRepresentation)
        else { throw SSHFormatError("the private key does not match its public key") }
        return (publicKey, privateKey)
    }
}

extension SSHPublicKeyMaterial {
    static func ed25519Raw(_ key: SSHPublicKey) -> [UInt8]? {
        if case .ed25519(let raw) = key.material { Array(raw.rawRepresentation) } else { nil }
    }
}
