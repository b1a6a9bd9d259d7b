@testable import BoardStore
import Foundation
import Testing

@Suite("OpenSSH public keys and SSHSIG signatures are read as OpenSSH writes them")
struct SSHKeyParsingTests {
    @Test(".pub files of every key type: fingerprint, size and type as ssh-keygen -l prints them",
          arguments: ["ed25519", "ecdsa", "rsa"])
    func publicKeyFiles(keyType: String) throws {
        let folder = try SSHTestFolder()
        defer { folder.cleanUp() }
        let key = try folder.makeKey(keyType)
        let text = try folder.read("id_\(keyType).pub")
        let line = try SSHPublicKeyLine(parsing: text)
        let listing = try SSHTool.run("ssh-keygen", ["-l", "-E", "sha256", "-f", key + ".pub"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(listing == "\(line.key.bits) \(line.key.fingerprint) \(line.comment) (\(line.key.kind.displayName))")
        #expect(line.text == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(try SSHPublicKey(wireBlob: line.key.wireBlob) == line.key)
    }

    @Test("an authorized_keys line with options and a comment of several words")
    func authorizedKeysLine() throws {
        let folder = try SSHTestFolder()
        defer { folder.cleanUp() }
        _ = try folder.makeKey("ed25519")
        let plain = try SSHPublicKeyLine(parsing: folder.read("id_ed25519.pub"))
        let line = try SSHPublicKeyLine(parsing: "# team keys\n\nno-pty,from=\"10.0.0.1\" \(plain.key.openSSHLine) Alice Example\n")
        #expect(line.key == plain.key)
        #expect(line.comment == "Alice Example")
    }

    @Test("malformed and unsupported keys are refused with a reason", arguments: [
        "", "ssh-ed25519", "ssh-ed25519 not-base64!", "ssh-dss AAAAB3NzaC1kc3MAAAA=",
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA==", // a 32-byte key cut short
    ])
    func malformedKeys(text: String) {
        #expect(throws: SSHFormatError.self) { try SSHPublicKeyLine(parsing: text) }
    }

    @Test("a key whose name disagrees with its blob is refused")
    func mismatchedName() throws {
        let folder = try SSHTestFolder()
        defer { folder.cleanUp() }
        _ = try folder.makeKey("ed25519")
        let line = try SSHPublicKeyLine(parsing: folder.read("id_ed25519.pub"))
        let relabelled = line.key.openSSHLine.replacingOccurrences(of: "ssh-ed25519 ", with: "ecdsa-sha2-nistp256 ")
        #expect(throws: SSHFormatError.self) { try SSHPublicKeyLine(parsing: relabelled) }
    }

    @Test("a signature reads from its armor and its one-line base64, and armors as ssh-keygen does")
    func signatureForms() throws {
        let folder = try SSHTestFolder()
        defer { folder.cleanUp() }
        let key = try folder.makeKey("ecdsa")
        let message = try folder.write(Array("cafe".utf8), to: "message")
        try SSHTool.expectSuccess("ssh-keygen", ["-Y", "sign", "-n", "mlboard", "-f", key, message])
        let armored = try folder.read("message.sig")
        let signature = try SSHSignature(armored: armored)
        #expect(signature.armored == armored)
        #expect(try SSHSignature(parsing: signature.base64) == signature)
        #expect(try SSHSignature(parsing: armored) == signature)
        #expect(signature.namespace == "mlboard")
        #expect(signature.hashAlgorithm == "sha512")
        #expect(signature.publicKey == (try SSHPublicKeyLine(parsing: folder.read("id_ecdsa.pub"))).key)
    }

    @Test("signature blobs with a wrong preamble, a newer version or trailing bytes are refused")
    func malformedSignatures() throws {
        let folder = try SSHTestFolder()
        defer { folder.cleanUp() }
        let key = try folder.makeKey("ed25519")
        let message = try folder.write(Array("cafe".utf8), to: "message")
        try SSHTool.expectSuccess("ssh-keygen", ["-Y", "sign", "-n", "mlboard", "-f", key, message])
        let blob = try SSHSignature(armored: folder.read("message.sig")).blob
        var wrongMagic = blob
        wrongMagic[0] = UInt8(ascii: "X")
        var newerVersion = blob
        newerVersion[9] = 2
        for damaged in [wrongMagic, newerVersion, blob + [0], Array(blob.dropLast())] {
            #expect(throws: SSHFormatError.self) { try SSHSignature(blob: damaged) }
        }
        #expect(throws: SSHFormatError.self) { try SSHSignature(armored: "-----BEGIN SSH SIGNATURE-----\n") }
    }
}
