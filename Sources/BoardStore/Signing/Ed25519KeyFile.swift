@preconcurrency import Crypto // its key types are immutable, but not marked Sendable in swift-crypto 3
import CPosix
import Foundation
import Glibc

/// Makes a new Ed25519 key pair and writes it as `ssh-keygen -t ed25519 -N ''` does: the private
/// key unencrypted in the OpenSSH format (PROTOCOL.key, "openssh-key-v1"), which ssh-keygen and
/// `Ed25519FileSigner` read, and the public key as one `.pub` line.
public enum Ed25519KeyFile {
    /// Writes the private key to `path` (mode 0600) and the public key to `path.pub` (0644), both
    /// new files: an existing file or link at either path is never replaced. That, like any other
    /// failure to write, throws a `StoreError`. Each file is flushed to disk unless `flushed` is
    /// false: a caller that makes many keys at once (the demo makes thousands) flushes them
    /// together, since a flush each took seconds.
    @discardableResult
    public static func generate(at path: String, comment: String, flushed: Bool = true) throws -> SSHPublicKey {
        let privateKey = Curve25519.Signing.PrivateKey()
        let publicKey = try publicKey(of: privateKey)
        try write(privateKeyText(privateKey, comment: comment), to: path, mode: 0o600, flushed: flushed)
        try write(publicKey.openSSHLine + " " + comment + "\n", to: path + ".pub", mode: 0o644, flushed: flushed)
        return publicKey
    }

    /// The armored private key file. `checkNumber` is the random pair that tells a wrong
    /// passphrase from a right one in encrypted files; unencrypted files carry one too.
    static func privateKeyText(
        _ key: Curve25519.Signing.PrivateKey, comment: String, checkNumber: UInt32 = .random(in: .min ... .max)
    ) -> String {
        let publicRaw = Array(key.publicKey.rawRepresentation)
        var secret = SSHWireWriter()
        secret.writeUInt32(checkNumber)
        secret.writeUInt32(checkNumber)
        secret.writeString(SSHPublicKey.Kind.ed25519.rawValue)
        secret.writeString(publicRaw)
        secret.writeString(Array(key.rawRepresentation) + publicRaw)  // OpenSSH keeps seed and public half together
        secret.writeString(comment)
        var padding: UInt8 = 1
        while secret.bytes.count % 8 != 0 {  // the cipher "none" has a block size of 8
            secret.writeByte(padding)
            padding += 1
        }
        var file = SSHWireWriter()
        file.write(Ed25519FileSigner.magic)
        file.writeString("none")  // cipher
        file.writeString("none")  // key derivation
        file.writeString([UInt8]())  // its options
        file.writeUInt32(1)
        file.writeString(publicBlob(publicRaw))
        file.writeString(secret.bytes)
        let body = Data(file.bytes).base64EncodedString()
        let lines = stride(from: 0, to: body.count, by: 70).map { start in
            let from = body.index(body.startIndex, offsetBy: start)
            return String(body[from ..< body.index(from, offsetBy: min(70, body.count - start))])
        }
        return ([Ed25519FileSigner.armorBegin] + lines + [Ed25519FileSigner.armorEnd]).joined(separator: "\n") + "\n"
    }

    static func publicKey(of key: Curve25519.Signing.PrivateKey) throws(SigningError) -> SSHPublicKey {
        do throws(SSHFormatError) {
            return try SSHPublicKey(wireBlob: publicBlob(Array(key.publicKey.rawRepresentation)))
        } catch {
            throw .unsupportedPrivateKey(error.description)
        }
    }

    private static func publicBlob(_ raw: [UInt8]) -> [UInt8] {
        var blob = SSHWireWriter()
        blob.writeString(SSHPublicKey.Kind.ed25519.rawValue)
        blob.writeString(raw)
        return blob.bytes
    }

    /// Flushes the file system that holds `folder` to disk, with the keys `generate` wrote there
    /// unflushed: one flush for them all.
    public static func flushKeys(in folder: String) throws(StoreError) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(operation: "open", path: folder, errno: errno) }
        defer { close(fd) }
        guard mlb_syncfs(fd) == 0 else { throw .io(operation: "flush", path: folder, errno: errno) }
    }

    /// Creates `path` exclusively, without following a link, with exactly `mode` whatever the umask.
    private static func write(_ text: String, to path: String, mode: mode_t, flushed: Bool) throws(StoreError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .io(operation: "create", path: path, errno: errno) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard fchmod(fd, mode) == 0, bytes.withUnsafeBytes({ FileDescriptor.writeAll(fd, $0) }), !flushed || fsync(fd) == 0 else {
            let code = errno
            unlink(path)
            throw .io(operation: "write", path: path, errno: code)
        }
    }
}
