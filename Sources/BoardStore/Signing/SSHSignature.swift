import Foundation

/// An SSH signature in the SSHSIG format (OpenSSH's PROTOCOL.sshsig), as `ssh-keygen -Y sign` makes it.
public struct SSHSignature: Equatable, Sendable {
    static let magic = Array("SSHSIG".utf8)
    static let version: UInt32 = 1
    static let armorBegin = "-----BEGIN SSH SIGNATURE-----"
    static let armorEnd = "-----END SSH SIGNATURE-----"

    /// The key that made the signature (a verifier checks it is the key it expects).
    public let publicKey: SSHPublicKey
    public let namespace: String
    /// The name of the hash over the message: "sha512" or "sha256".
    public let hashAlgorithm: String
    /// The signature in the key type's wire encoding: `string algorithm, string signature, ...`.
    public let rawSignature: [UInt8]
    /// The whole SSHSIG blob.
    public let blob: [UInt8]

    /// Parses an SSHSIG blob.
    public init(blob: [UInt8]) throws(SSHFormatError) {
        var reader = SSHWireReader(blob)
        guard try reader.readBytes(Self.magic.count) == Self.magic else { throw SSHFormatError("not an SSH signature") }
        let version = try reader.readUInt32()
        guard version <= Self.version else { throw SSHFormatError("SSH signature version \(version) is newer than 1") }
        publicKey = try SSHPublicKey(wireBlob: reader.readString())
        namespace = try reader.readText()
        _ = try reader.readString() // reserved: ignored, as PROTOCOL.sshsig says
        hashAlgorithm = try reader.readText()
        rawSignature = try reader.readString()
        try reader.expectEnd("the signature")
        self.blob = blob
    }

    /// Parses the armored text between `-----BEGIN SSH SIGNATURE-----` and `-----END SSH SIGNATURE-----`.
    public init(armored text: String) throws(SSHFormatError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix(Self.armorBegin), trimmed.hasSuffix(Self.armorEnd),
              trimmed.count >= Self.armorBegin.count + Self.armorEnd.count else {
            throw SSHFormatError("not an armored SSH signature")
        }
        let body = trimmed.dropFirst(Self.armorBegin.count).dropLast(Self.armorEnd.count)
            .filter { !$0.isWhitespace }
        guard let blob = Data(base64Encoded: String(body)) else { throw SSHFormatError("the signature is not base64") }
        try self.init(blob: Array(blob))
    }

    /// Assembles the blob around a signature made over `SSHSignedData`.
    init(publicKey: SSHPublicKey, namespace: String, hashAlgorithm: SSHSignatureHash, rawSignature: [UInt8]) {
        var writer = SSHWireWriter()
        writer.write(Self.magic)
        writer.writeUInt32(Self.version)
        writer.writeString(publicKey.wireBlob)
        writer.writeString(namespace)
        writer.writeString([UInt8]()) // reserved
        writer.writeString(hashAlgorithm.rawValue)
        writer.writeString(rawSignature)
        self.publicKey = publicKey
        self.namespace = namespace
        self.hashAlgorithm = hashAlgorithm.rawValue
        self.rawSignature = rawSignature
        self.blob = writer.bytes
    }

    /// The blob in base64 on one line, for storing inside a JSON line.
    public var base64: String { Data(blob).base64EncodedString() }

    /// The armored text ssh-keygen writes: base64 broken every 70 characters.
    public var armored: String {
        let encoded = Array(Data(blob).base64EncodedString())
        let lines = stride(from: 0, to: encoded.count, by: 70).map { String(encoded[$0..<min($0 + 70, encoded.count)]) }
        return ([Self.armorBegin] + lines + [Self.armorEnd]).joined(separator: "\n") + "\n"
    }

    /// Parses either form: armored text or a one-line base64 blob.
    public init(parsing text: String) throws(SSHFormatError) {
        if text.contains(Self.armorBegin) {
            try self.init(armored: text)
        } else {
            guard let blob = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw SSHFormatError("the signature is not base64")
            }
            try self.init(blob: Array(blob))
        }
    }
}
