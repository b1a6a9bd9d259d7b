import Foundation

/// How to sign with a given key file, fastest first: natively for an unencrypted Ed25519 key, through
/// ssh-agent's socket when the agent holds the key, else through `ssh-keygen -Y sign` (one process per
/// signature: hardware keys the agent does not hold, or a passphrase ssh-keygen asks for).
public enum SSHSignerChoice {
    public static func signer(forKeyFile path: String, namespace: String = SSHSignatureVerifier.mlboardNamespace,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws(SigningError) -> any SSHMessageSigner {
        if let native = try? Ed25519FileSigner(contentsOf: path, namespace: namespace) {
            return native
        }
        let sshKeygen = try SSHKeygenSigner(keyFile: path, namespace: namespace, environment: environment)
        if let agent = SSHAgentClient.fromEnvironment(environment),
           let held = try? agent.identities(), held.contains(where: { $0.key == sshKeygen.publicKey }) {
            return SSHAgentSigner(agent: agent, publicKey: sshKeygen.publicKey, namespace: namespace)
        }
        return sshKeygen
    }
}
