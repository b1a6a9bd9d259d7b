@testable import BoardStore
import Crypto
import Foundation
import Testing

/// sk-ssh-ed25519 signatures, made here the way a FIDO authenticator makes them (no hardware needed),
/// are judged alike by native verification and by ssh-keygen.
@Suite("Security-key (sk-ssh-ed25519) signatures")
struct SecurityKeySignatureTests {
    struct SecurityKey {
        let privateKey = Curve25519.Signing.PrivateKey()
        let application: String

        var publicKey: SSHPublicKey {
            var writer = SSHWireWriter()
            writer.writeString(SSHPublicKey.Kind.securityKeyEd25519.rawValue)
            writer.writeString(Array(privateKey.publicKey.rawRepresentation))
            writer.writeString(application)
            return try! SSHPublicKey(wireBlob: writer.bytes)
        }

        func sign(_ message: [UInt8], flags: UInt8, counter: UInt32, namespace: String = "mlboard") throws -> SSHSignature {
            let data = SSHSignedData.bytes(message: message, namespace: namespace, hash: .sha512)
            let signed = SSHRawSignatureCheck.securityKeySignedData(application: application, flags: flags, counter: counter, data: data)
            return SSHSignature(publicKey: publicKey, namespace: namespace, hashAlgorithm: .sha512,
                                rawSignature: Self.raw(signature: Array(try privateKey.signature(for: signed)), flags: flags, counter: counter))
        }

        static func raw(signature: [UInt8], flags: UInt8, counter: UInt32) -> [UInt8] {
            var writer = SSHWireWriter()
            writer.writeString(SSHPublicKey.Kind.securityKeyEd25519.rawValue)
            writer.writeString(signature)
            writer.writeByte(flags)
            writer.writeUInt32(counter)
            return writer.bytes
        }
    }

    enum Case: CaseIterable {
        case touched, touchedWithPIN, untouched, flagsChanged, counterChanged, otherApplication, wrongNamespace
    }

    @Test("genuine signatures verify with their flags and counter; changed flags, counter or application are rejected by both")
    func agreement() throws {
        let folder = try SSHTestFolder()
        defer { folder.cleanUp() }
        let key = SecurityKey(application: "ssh:")
        let sshKeygen = SSHKeygenVerifier(folder: folder)
        var random = SeededGenerator(state: 42)
        for index in 0..<35 {
            let message = random.message(index)
            let counter = UInt32(index + 1)
            let testCase = Case.allCases[index % Case.allCases.count]
            var signature: SSHSignature
            var expectedFlags: UInt8 = 0x01
            switch testCase {
            case .touched, .otherApplication:
                signature = try key.sign(message, flags: 0x01, counter: counter)
            case .touchedWithPIN:
                expectedFlags = 0x05
                signature = try key.sign(message, flags: 0x05, counter: counter)
            case .untouched:
                expectedFlags = 0x00
                signature = try key.sign(message, flags: 0x00, counter: counter)
            case .wrongNamespace:
                signature = try key.sign(message, flags: 0x01, counter: counter, namespace: "git")
            case .flagsChanged, .counterChanged:
                let genuine = try key.sign(message, flags: 0x01, counter: counter)
                var reader = SSHWireReader(genuine.rawSignature)
                _ = try reader.readString()
                let bytes = try reader.readString()
                let raw = testCase == .flagsChanged
                    ? SecurityKey.raw(signature: bytes, flags: 0x05, counter: counter)
                    : SecurityKey.raw(signature: bytes, flags: 0x01, counter: counter + 1)
                signature = SSHSignature(publicKey: key.publicKey, namespace: "mlboard", hashAlgorithm: .sha512, rawSignature: raw)
            }
            var claimedKey = key.publicKey
            if testCase == .otherApplication {
                claimedKey = SecurityKey(application: "ssh:elsewhere").publicKeyWith(key.privateKey)
                signature = SSHSignature(publicKey: claimedKey, namespace: "mlboard", hashAlgorithm: .sha512, rawSignature: signature.rawSignature)
            }
            let verdict = SSHSignatureVerifier().verify(message: message, signature: signature, by: claimedKey)
            let accepted = try sshKeygen.verify(message: message, armored: signature.armored, publicKeyLine: claimedKey.openSSHLine)
            #expect(verdict.isVerified == accepted, "message \(index), \(testCase): \(verdict)")
            switch testCase {
            case .touched, .touchedWithPIN, .untouched:
                #expect(verdict == .verified(VerifiedSignature(signer: claimedKey, securityKeyFlags: expectedFlags, securityKeyCounter: counter)))
            case .flagsChanged, .counterChanged, .otherApplication:
                #expect(verdict == .rejected(.invalidSignature), "\(testCase)")
            case .wrongNamespace:
                #expect(verdict == .rejected(.wrongNamespace(expected: "mlboard", found: "git")))
            }
        }
    }
}

extension SecurityKeySignatureTests.SecurityKey {
    /// The same authenticator key registered for another application.
    func publicKeyWith(_ other: Curve25519.Signing.PrivateKey) -> SSHPublicKey {
        var writer = SSHWireWriter()
        writer.writeString(SSHPublicKey.Kind.securityKeyEd25519.rawValue)
        writer.writeString(Array(other.publicKey.rawRepresentation))
        writer.writeString(application)
        return try! SSHPublicKey(wireBlob: writer.bytes)
    }
}
