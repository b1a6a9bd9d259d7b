import Foundation
import Crypto

/// The hash over the message that SSHSIG signs instead of the message itself.
public enum SSHSignatureHash: String, CaseIterable, Sendable {
    case sha512
    case sha256

    func digest(_ message: some DataProtocol) -> [UInt8] {
        switch self {
        case .sha512: Array(SHA512.hash(data: message))
        case .sha256: Array(SHA256.hash(data: message))
        }
    }
}

/// What the key actually signs (PROTOCOL.sshsig section 3):
/// `"SSHSIG" || string namespace || string reserved || string hash_algorithm || string H(message)`.
enum SSHSignedData {
    static func bytes(message: some DataProtocol, namespace: String, hash: SSHSignatureHash) -> [UInt8] {
        var writer = SSHWireWriter()
        writer.write(SSHSignature.magic)
        writer.writeString(namespace)
        writer.writeString([UInt8]()) // reserved
        writer.writeString(hash.rawValue)
        writer.writeString(hash.digest(message))
        return writer.bytes
    }
}
