@testable import BoardStore
import Foundation
import Testing

@Suite("Ed25519 key files written natively")
struct Ed25519KeyFileTests {
    @Test("ssh-keygen reads the key (-y), signs with it (-Y sign) as the native signer does, and -Y verify accepts it")
    func sshKeygenReadsIt() throws {
        let folder = try SSHTestFolder()
        defer { folder.cleanUp() }
        let key = folder.path("ana")
        let publicKey = try Ed25519KeyFile.generate(at: key, comment: "ana@demo")

        let derived = try SSHTool.run("ssh-keygen", ["-y", "-f", key])
        #expect(derived.status == 0)
        #expect(derived.output.hasPrefix(publicKey.openSSHLine), "\(derived.output)")
        let pubLine = try folder.read("ana.pub")
        #expect(pubLine == publicKey.openSSHLine + " ana@demo\n")
        let fingerprint = try SSHTool.run("ssh-keygen", ["-l", "-f", key + ".pub"])
        #expect(fingerprint.output.contains(publicKey.fingerprint) && fingerprint.output.contains("ana@demo"))

        let message = Array("a journal line's hash".utf8)
        let file = try folder.write(message, to: "message")
        try SSHTool.expectSuccess("ssh-keygen", ["-Y", "sign", "-n", "mlboard", "-f", key, file])
        let theirs = try folder.read("message.sig")
        #expect(try Ed25519FileSigner(contentsOf: key).sign(message).armored == theirs)
        #expect(try SSHKeygenVerifier(folder: folder).verify(message: message, armored: theirs, publicKeyLine: publicKey.openSSHLine))
    }

    @Test("the private key is 0600 and the public one 0644; an existing file is never replaced")
    func modesAndNoOverwrite() throws {
        let folder = try SSHTestFolder()
        defer { folder.cleanUp() }
        let key = folder.path("bob")
        try Ed25519KeyFile.generate(at: key, comment: "bob")
        #expect(try mode(key) == 0o600)
        #expect(try mode(key + ".pub") == 0o644)
        let before = try folder.read("bob")
        #expect(throws: StoreError.io(operation: "create", path: key, errno: EEXIST)) { try Ed25519KeyFile.generate(at: key, comment: "bob") }
        #expect(try folder.read("bob") == before)

        let unflushed = folder.path("cy")  // as the demo makes its keys, flushing them together after
        let publicKey = try Ed25519KeyFile.generate(at: unflushed, comment: "cy", flushed: false)
        try Ed25519KeyFile.flushKeys(in: folder.path(""))
        #expect(try mode(unflushed) == 0o600)
        #expect(try mode(unflushed + ".pub") == 0o644)
        #expect(try Ed25519FileSigner(contentsOf: unflushed).publicKey == publicKey)
        #expect(throws: StoreError.io(operation: "create", path: unflushed, errno: EEXIST)) {
            try Ed25519KeyFile.generate(at: unflushed, comment: "cy", flushed: false)
        }
    }

    @Test("a folder that cannot be opened to flush it is a file error, not a key error")
    func flushFailureIsAFileError() {
        let missing = NSTemporaryDirectory() + "mlboard-no-such-folder-\(UUID().uuidString)"
        #expect(throws: StoreError.io(operation: "open", path: missing, errno: ENOENT)) { try Ed25519KeyFile.flushKeys(in: missing) }
    }

    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? Int ?? 0) & 0o777
    }
}
