@testable import BoardStore
import Foundation
import Testing

@Suite("Signing through ssh-agent, through ssh-keygen and natively from a key file")
struct SSHSigningTests {
    static let messages: [[UInt8]] = {
        var random = SeededGenerator(state: 7)
        return (0..<6).map { random.message($0) }
    }()

    @Test("ssh-agent: lists its keys and signs with each (a passphrase-protected RSA key with SHA-512); ssh-keygen -Y sign through the agent too; the fastest way is chosen per key file")
    func agentSigning() throws {
        let folder = try SSHTestFolder()
        defer { folder.cleanUp() }
        let keyFiles = [try folder.makeKey("ed25519"), try folder.makeKey("ecdsa"),
                        try folder.makeKey("rsa", passphrase: "correct horse battery")]
        let absentKeyFile = try folder.makeKey("ed25519", name: "absent")
        let agent = try TestAgent(folder: folder)
        defer { agent.stop() }
        try agent.add(keyFiles[0], folder: folder)
        try agent.add(keyFiles[1], folder: folder)
        try agent.add(keyFiles[2], passphrase: "correct horse battery", folder: folder)

        let client = try #require(SSHAgentClient.fromEnvironment(agent.environment))
        let keys = try keyFiles.map { try SSHPublicKeyLine(parsing: String(contentsOfFile: $0 + ".pub", encoding: .utf8)).key }
        #expect(Set(try client.identities().map(\.key)) == Set(keys))

        let sshKeygen = SSHKeygenVerifier(folder: folder)
        for (keyFile, key) in zip(keyFiles, keys) {
            let agentSigner = SSHAgentSigner(agent: client, publicKey: key)
            let throughSSHKeygen = try SSHKeygenSigner(keyFile: keyFile + ".pub", environment: agent.environment)
            #expect(throughSSHKeygen.publicKey == key)
            for message in Self.messages {
                for signature in [try agentSigner.sign(message), try throughSSHKeygen.sign(message)] {
                    #expect(SSHSignatureVerifier().verify(message: message, signature: signature, by: key).isVerified)
                    #expect(signature.namespace == "mlboard" && signature.hashAlgorithm == "sha512")
                }
            }
            let signature = try agentSigner.sign(Self.messages[0])
            #expect(try sshKeygen.verify(message: Self.messages[0], armored: signature.armored, publicKeyLine: key.openSSHLine))
            if key.kind == .rsa {
                var reader = SSHWireReader(signature.rawSignature)
                #expect(try reader.readText() == "rsa-sha2-512")
            }
        }

        let lonelyKeyFile = try folder.makeKey("ecdsa", name: "lonely")
        #expect(try SSHSignerChoice.signer(forKeyFile: keyFiles[0], environment: agent.environment) is Ed25519FileSigner)
        #expect(try SSHSignerChoice.signer(forKeyFile: keyFiles[1], environment: agent.environment) is SSHAgentSigner)
        #expect(try SSHSignerChoice.signer(forKeyFile: keyFiles[2] + ".pub", environment: agent.environment) is SSHAgentSigner)
        let lonely = try SSHSignerChoice.signer(forKeyFile: lonelyKeyFile, environment: agent.environment)
        #expect(lonely is SSHKeygenSigner)
        #expect(SSHSignatureVerifier().verify(message: Self.messages[1], signature: try lonely.sign(Self.messages[1]), by: lonely.publicKey).isVerified)

        let absentKey = try SSHPublicKeyLine(parsing: String(contentsOfFile: absentKeyFile + ".pub", encoding: .utf8)).key
        #expect(throws: SigningError.keyNotInAgent(absentKey.fingerprint)) {
            try SSHAgentSigner(agent: client, publicKey: absentKey).sign(Self.messages[0])
        }
    }

    @Test("no agent at the socket: the reason names it")
    func agentUnavailable() throws {
        let folder = try SSHTestFolder()
        defer { folder.cleanUp() }
        let client = SSHAgentClient(socketPath: folder.path("no-agent.sock"))
        #expect { try client.identities() } throws: { error in
            guard case SigningError.agentUnavailable(let reason) = error else { return false }
            return reason.contains("no-agent.sock")
        }
        #expect(SSHAgentClient.fromEnvironment([:]) == nil)
    }

    @Test("ssh-keygen -Y sign from unencrypted key files of every type, without an agent", arguments: ["ed25519", "ecdsa", "rsa"])
    func sshKeygenFromFile(keyType: String) throws {
        let folder = try SSHTestFolder()
        defer { folder.cleanUp() }
        let signer = try SSHKeygenSigner(keyFile: folder.makeKey(keyType), environment: SSHTool.quietEnvironment)
        for message in Self.messages.prefix(3) {
            let signature = try signer.sign(message)
            #expect(SSHSignatureVerifier().verify(message: message, signature: signature, by: signer.publicKey).isVerified)
        }
    }

    @Test("ssh-keygen's failure reaches the caller")
    func sshKeygenFailure() throws {
        let folder = try SSHTestFolder()
        defer { folder.cleanUp() }
        let key = try folder.makeKey("ed25519")
        let signer = try SSHKeygenSigner(keyFile: key, environment: SSHTool.quietEnvironment)
        try FileManager.default.removeItem(atPath: key)
        #expect { try signer.sign(Self.messages[0]) } throws: { error in
            if case SigningError.sshKeygenFailed = error { true } else { false }
        }
    }

    @Test("native Ed25519 signing from an unencrypted key file makes byte for byte ssh-keygen's signature")
    func nativeEd25519() throws {
        let folder = try SSHTestFolder()
        defer { folder.cleanUp() }
        let key = try folder.makeKey("ed25519")
        let signer = try Ed25519FileSigner(contentsOf: key)
        for (index, message) in Self.messages.enumerated() {
            let file = try folder.write(message, to: "m\(index)")
            try SSHTool.expectSuccess("ssh-keygen", ["-Y", "sign", "-n", "mlboard", "-f", key, file])
            #expect(try signer.sign(message).armored == folder.read("m\(index).sig"))
        }
    }

    @Test("native signing refuses encrypted keys and other key types", arguments: [("ed25519", "a passphrase"), ("ecdsa", "")])
    func nativeRefusals(keyType: String, passphrase: String) throws {
        let folder = try SSHTestFolder()
        defer { folder.cleanUp() }
        let key = try folder.makeKey(keyType, passphrase: passphrase)
        #expect { try Ed25519FileSigner(contentsOf: key) } throws: { error in
            if case SigningError.unsupportedPrivateKey = error { true } else { false }
        }
    }
}
