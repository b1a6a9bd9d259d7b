/// Signs through ssh-agent's socket, without starting a process: keys in the agent, passphrase-protected
/// keys once added, and hardware keys the agent can use.
public struct SSHAgentSigner: SSHMessageSigner {
    public let agent: SSHAgentClient
    public let publicKey: SSHPublicKey
    public let namespace: String

    public init(agent: SSHAgentClient, publicKey: SSHPublicKey, namespace: String = SSHSignatureVerifier.mlboardNamespace) {
        self.agent = agent
        self.publicKey = publicKey
        self.namespace = namespace
    }

    public func sign(_ message: [UInt8]) throws(SigningError) -> SSHSignature {
        let data = SSHSignedData.bytes(message: message, namespace: namespace, hash: .sha512)
        let raw = try agent.sign(data, with: publicKey)
        return try assemble(rawSignature: raw, message: message, namespace: namespace, hash: .sha512)
    }
}
