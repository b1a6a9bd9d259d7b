@preconcurrency import Crypto // its key types are immutable, but not marked Sendable in swift-crypto 3
import _CryptoExtras
import Foundation

/// An OpenSSH public key of a type mlboard can verify, kept as its wire blob (RFC 4253 encoding),
/// which is what fingerprints hash and what signatures embed.
public struct SSHPublicKey: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case ed25519 = "ssh-ed25519"
        case ecdsaP256 = "ecdsa-sha2-nistp256"
        case rsa = "ssh-rsa"
        case securityKeyEd25519 = "sk-ssh-ed25519@openssh.com"

        /// The name ssh-keygen -l prints in parentheses.
        public var displayName: String {
            switch self {
            case .ed25519: "ED25519"
            case .ecdsaP256: "ECDSA"
            case .rsa: "RSA"
            case .securityKeyEd25519: "ED25519-SK"
            }
        }
    }

    public let kind: Kind
    public let wireBlob: [UInt8]
    let material: SSHPublicKeyMaterial

    /// Parses a wire blob, as embedded in signatures and in the middle field of a .pub file.
    public init(wireBlob: [UInt8]) throws(SSHFormatError) {
        var reader = SSHWireReader(wireBlob)
        let name = try reader.readText()
        guard let kind = Kind(rawValue: name) else { throw SSHFormatError("unsupported key type \(name)") }
        self.kind = kind
        self.material = try SSHPublicKeyMaterial(kind: kind, reading: &reader)
        try reader.expectEnd("the public key")
        self.wireBlob = wireBlob
        self.fingerprint = Self.fingerprint(of: wireBlob)
    }

    /// The key's fingerprint as ssh-keygen -l prints it: SHA256, base64 without padding. Made
    /// once with the key: a writer asks for it twice for every line it signs.
    public let fingerprint: String

    private static func fingerprint(of wireBlob: [UInt8]) -> String {
        let digest = Data(SHA256.hash(data: wireBlob)).base64EncodedString()
        return "SHA256:" + digest.prefix { $0 != "=" }
    }

    /// The key's size in bits as ssh-keygen -l prints it.
    public var bits: Int {
        switch material {
        case .ed25519, .securityKeyEd25519, .ecdsaP256: 256
        case .rsa(_, let modulusBits): modulusBits
        }
    }

    /// The key as one line of an authorized_keys or .pub file, without a comment.
    public var openSSHLine: String {
        kind.rawValue + " " + Data(wireBlob).base64EncodedString()
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.wireBlob == rhs.wireBlob }
    public func hash(into hasher: inout Hasher) { hasher.combine(wireBlob) }
}

/// The verifying half of a public key, decoded once.
enum SSHPublicKeyMaterial: Sendable {
    case ed25519(Curve25519.Signing.PublicKey)
    case ecdsaP256(P256.Signing.PublicKey)
    case rsa(_RSA.Signing.PublicKey, modulusBits: Int)
    case securityKeyEd25519(Curve25519.Signing.PublicKey, application: String)

    /// OpenSSH refuses RSA keys below this size (SSH_RSA_MINIMUM_MODULUS_SIZE).
    static let minimumRSABits = 1024

    init(kind: SSHPublicKey.Kind, reading reader: inout SSHWireReader) throws(SSHFormatError) {
        switch kind {
        case .ed25519:
            self = .ed25519(try Self.ed25519Key(reader.readString()))
        case .securityKeyEd25519:
            let key = try Self.ed25519Key(reader.readString())
            self = .securityKeyEd25519(key, application: try reader.readText())
        case .ecdsaP256:
            guard try reader.readText() == "nistp256" else { throw SSHFormatError("the curve does not match the key type") }
            let point = try reader.readString()
            guard let key = try? P256.Signing.PublicKey(x963Representation: point) else {
                throw SSHFormatError("not a point on P-256")
            }
            self = .ecdsaP256(key)
        case .rsa:
            let exponent = try reader.readUnsignedMPInt()
            let modulus = try reader.readUnsignedMPInt()
            let bits = Self.bitCount(modulus)
            guard bits >= Self.minimumRSABits, bits <= 16384 else { throw SSHFormatError("an RSA key of \(bits) bits") }
            guard let key = try? _RSA.Signing.PublicKey(n: modulus, e: exponent) else {
                throw SSHFormatError("not a valid RSA key")
            }
            self = .rsa(key, modulusBits: bits)
        }
    }

    private static func ed25519Key(_ raw: [UInt8]) throws(SSHFormatError) -> Curve25519.Signing.PublicKey {
        guard raw.count == 32, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
            throw SSHFormatError("an Ed25519 key must be 32 bytes")
        }
        return key
    }

    private static func bitCount(_ magnitude: [UInt8]) -> Int {
        guard let first = magnitude.first else { return 0 }
        return (magnitude.count - 1) * 8 + (8 - first.leadingZeroBitCount)
    }
}
