import Foundation

/// Signs by running `ssh-keygen -Y sign -n NAMESPACE -f KEY`: the fallback that works for every key
/// ssh-keygen can use (in the agent, hardware keys). A passphrase-protected key that is not in the
/// agent makes ssh-keygen ask on the terminal.
public struct SSHKeygenSigner: SSHMessageSigner {
    /// The private key file, or its public key when the private key is in the agent.
    public let keyFile: String
    public let publicKey: SSHPublicKey
    public let namespace: String
    /// Variables for ssh-keygen (e.g. SSH_AUTH_SOCK); the current process's environment by default.
    public let environment: [String: String]

    /// Reads the public key from `keyFile` if it is one, else from `keyFile.pub`.
    public init(keyFile: String, namespace: String = SSHSignatureVerifier.mlboardNamespace,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws(SigningError) {
        self.keyFile = keyFile
        self.namespace = namespace
        self.environment = environment
        let candidates = [keyFile, keyFile + ".pub"]
        let line = candidates.lazy
            .compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }
            .compactMap { try? SSHPublicKeyLine(parsing: $0) }
            .first
        guard let line else { throw .unsupportedPrivateKey("no public key in \(keyFile) or \(keyFile).pub") }
        self.publicKey = line.key
    }

    /// The longest message: it must fit the pipe to ssh-keygen at once (mlboard signs 64-character hashes).
    public static let maximumMessageLength = 4096

    public func sign(_ message: [UInt8]) throws(SigningError) -> SSHSignature {
        guard message.count <= Self.maximumMessageLength else {
            throw .sshKeygenFailed("messages longer than \(Self.maximumMessageLength) bytes are not supported")
        }
        let (status, output, errors) = try run(["-Y", "sign", "-n", namespace, "-f", keyFile], input: message)
        guard status == 0 else {
            throw .sshKeygenFailed(errors.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "exit status \(status)" : errors)
        }
        let signature: SSHSignature
        do { signature = try SSHSignature(armored: output) } catch { throw .sshKeygenFailed("unreadable output: \(error)") }
        try checkVerifies(signature, message: message, namespace: namespace)
        return signature
    }

    private func run(_ arguments: [String], input: [UInt8]) throws(SigningError) -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ssh-keygen"] + arguments
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            // Written before the start, so an ssh-keygen that exits without reading cannot SIGPIPE us.
            try stdin.fileHandleForWriting.write(contentsOf: input)
            try stdin.fileHandleForWriting.close()
            try process.run()
        } catch {
            throw .sshKeygenFailed("cannot run ssh-keygen: \(error)")
        }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }
}
