@testable import BoardStore
import Foundation
import Testing

/// Native verification must say what `ssh-keygen -Y verify` says, for every key type and every kind of damage.
@Suite("Native SSH signature verification agrees with ssh-keygen")
struct SSHSignatureAgreementTests {
    enum Case: CaseIterable {
        case genuine, tamperedSignature, genuineAgain, tamperedMessage, wrongNamespace, wrongKey
    }

    struct Outcome: Equatable {
        let sshKeygen: Bool
        let native: Bool
    }

    static let configurations: [(keyType: String, hash: String)] = [
        ("ed25519", "sha512"), ("ecdsa", "sha512"), ("rsa", "sha512"), ("rsa", "sha256"), ("ed25519", "sha256"),
    ]
    static let messagesPerConfiguration = 60

    @Test("over random messages: genuine signatures verify; tampered, wrong namespace and wrong key are rejected by both",
          arguments: configurations.indices)
    func agreement(configuration: Int) throws {
        let (keyType, hash) = Self.configurations[configuration]
        let folder = try SSHTestFolder()
        defer { folder.cleanUp() }
        let key = try folder.makeKey(keyType)
        _ = try folder.makeKey(keyType, name: "other")
        let publicKeyLine = try SSHPublicKeyLine(parsing: folder.read("id_\(keyType).pub"))
        let otherKeyLine = try SSHPublicKeyLine(parsing: folder.read("other.pub"))
        var random = SeededGenerator(state: UInt64(configuration) &* 7919 &+ 17)
        let messages = (0..<Self.messagesPerConfiguration).map { random.message($0) }
        let cases = messages.indices.map { Case.allCases[$0 % Case.allCases.count] }

        let messageFiles = try messages.indices.map { try folder.write(messages[$0], to: "m\($0)") }
        let namespaceOf = { (index: Int) in cases[index] == .wrongNamespace ? "elsewhere" : "mlboard" }
        for namespace in ["mlboard", "elsewhere"] {
            let files = messageFiles.indices.filter { namespaceOf($0) == namespace }.map { messageFiles[$0] }
            try SSHTool.expectSuccess("ssh-keygen", ["-Y", "sign", "-n", namespace, "-O", "hashalg=\(hash)", "-f", key] + files)
        }

        let sshKeygen = SSHKeygenVerifier(folder: folder)
        let verifier = SSHSignatureVerifier()
        var outcomes: [Outcome] = []
        for (index, message) in messages.enumerated() {
            var armored = try folder.read("m\(index).sig")
            var checkedMessage = message
            var signerLine = publicKeyLine
            switch cases[index] {
            case .genuine, .genuineAgain, .wrongNamespace:
                break
            case .tamperedSignature:
                armored = try Self.flipOneBit(of: armored, using: &random)
            case .tamperedMessage:
                checkedMessage = Self.changeOneByte(of: message, using: &random)
            case .wrongKey:
                signerLine = otherKeyLine
            }
            let native = verifier.verify(message: checkedMessage, signatureText: armored, by: signerLine.key)
            let outcome = Outcome(
                sshKeygen: try sshKeygen.verify(message: checkedMessage, armored: armored, publicKeyLine: signerLine.key.openSSHLine),
                native: native.isVerified)
            #expect(outcome.native == outcome.sshKeygen, "message \(index), \(cases[index]): \(native)")
            outcomes.append(outcome)

            if index % 3 == 0 {
                let nativeUnvalidated = (try? SSHSignature(armored: armored))
                    .map { verifier.verifyIgnoringSigner(message: checkedMessage, signature: $0).isVerified } ?? false
                #expect(try sshKeygen.checkNovalidate(message: checkedMessage, armored: armored) == nativeUnvalidated,
                        "check-novalidate, message \(index), \(cases[index])")
            }
        }
        for (index, outcome) in outcomes.enumerated() {
            let shouldVerify = cases[index] == .genuine || cases[index] == .genuineAgain
            #expect(outcome.native == shouldVerify, "message \(index), \(cases[index])")
        }
    }

    /// Flips one bit of the SSHSIG blob, anywhere but the version field: SSHSIG accepts versions up to 1,
    /// so turning version 1 into 0 leaves a valid signature for both verifiers.
    static func flipOneBit(of armored: String, using random: inout SeededGenerator) throws -> String {
        var blob = try SSHSignature(armored: armored).blob
        let versionField = 6..<10
        var position = Int.random(in: 0..<blob.count, using: &random)
        while versionField.contains(position) { position = Int.random(in: 0..<blob.count, using: &random) }
        blob[position] ^= 1 << UInt8.random(in: 0...7, using: &random)
        let encoded = Data(blob).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN SSH SIGNATURE-----\n\(encoded)\n-----END SSH SIGNATURE-----\n"
    }

    static func changeOneByte(of message: [UInt8], using random: inout SeededGenerator) -> [UInt8] {
        guard !message.isEmpty else { return [0x61] }
        var changed = message
        changed[Int.random(in: 0..<changed.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
        return changed
    }
}
