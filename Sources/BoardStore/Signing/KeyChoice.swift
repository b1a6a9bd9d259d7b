import BoardCore
import Foundation

/// The key a person signs with: a key file named by `--key`, MLBOARD_SIGNING_KEY or `signing_key`
/// in config.toml (in that order), else the first key ssh-agent holds that is registered to the
/// handle they act as (or, in a workspace with no key yet, the agent's first key, to become root).
public final class KeyChoice: SignerSource {
    /// The key file and where it was named ("--key", "MLBOARD_SIGNING_KEY", "config.toml").
    public let keyFile: (path: String, origin: String)?
    private let environment: [String: String]
    private var fileSigner: Result<any SSHMessageSigner, SigningError>?
    private var agentKeys: [SSHAgentIdentity]?

    public init(keyFile: (path: String, origin: String)?, environment: [String: String]) {
        self.keyFile = keyFile
        self.environment = environment
    }

    /// `--key`, else MLBOARD_SIGNING_KEY, else `configured` (config.toml's `signing_key`).
    public static func resolve(flag: String?, configured: String?, environment: [String: String]) -> KeyChoice {
        let file: (String, String)? = if let flag, !flag.isEmpty { (flag, "--key") }
            else if let named = environment["MLBOARD_SIGNING_KEY"], !named.isEmpty { (named, "MLBOARD_SIGNING_KEY") }
            else if let configured, !configured.isEmpty { (configured, "signing_key in config.toml") }
            else { nil }
        return KeyChoice(keyFile: file.map { (path: expandingTilde($0.0, environment), origin: $0.1) }, environment: environment)
    }

    public func signer(for handle: String, registry: KeyRegistry) throws -> (any SSHMessageSigner)? {
        if let keyFile { return try fileKey(keyFile.path).get() }
        guard let agent = SSHAgentClient.fromEnvironment(environment) else { return nil }
        let held = agentIdentities(agent)
        if let registered = held.first(where: { registry.keys[$0.key.fingerprint].map { $0.handle == handle && $0.revokedAt == nil } ?? false }) {
            return SSHAgentSigner(agent: agent, publicKey: registered.key)
        }
        if registry.isEmpty, let first = held.first { return SSHAgentSigner(agent: agent, publicKey: first.key) }
        return nil
    }

    public func missingKeyHint(for handle: String) -> String {
        if let keyFile { return "the key file \(keyFile.path) (from \(keyFile.origin)) cannot sign" }
        if SSHAgentClient.fromEnvironment(environment) == nil {
            return "no key was given: name one with --key FILE, MLBOARD_SIGNING_KEY or signing_key in config.toml, or start ssh-agent"
        }
        return "ssh-agent holds no key registered to \(handle): load it with ssh-add, or name it with --key FILE"
    }

    private func fileKey(_ path: String) -> Result<any SSHMessageSigner, SigningError> {
        if let fileSigner { return fileSigner }
        let made = Result { () throws(SigningError) -> any SSHMessageSigner in
            try SSHSignerChoice.signer(forKeyFile: path, environment: environment)
        }
        fileSigner = made
        return made
    }

    private func agentIdentities(_ agent: SSHAgentClient) -> [SSHAgentIdentity] {
        if let agentKeys { return agentKeys }
        let held = (try? agent.identities()) ?? []
        agentKeys = held
        return held
    }

    private static func expandingTilde(_ path: String, _ environment: [String: String]) -> String {
        guard path.hasPrefix("~/"), let home = environment["HOME"] else { return path }
        return home + path.dropFirst(1)
    }
}

/// One unencrypted key file per stakeholder in a folder, named by handle (the demo's people).
public final class KeyFolder: SignerSource {
    public let folder: URL
    private var signers: [String: any SSHMessageSigner] = [:]

    public init(_ folder: URL) { self.folder = folder }

    public func signer(for handle: String, registry: KeyRegistry) throws -> (any SSHMessageSigner)? {
        if let known = signers[handle] { return known }
        let path = folder.appendingPathComponent(handle).path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let made = try Ed25519FileSigner(contentsOf: path)
        signers[handle] = made
        return made
    }

    public func missingKeyHint(for handle: String) -> String { "\(folder.path) has no key for \(handle)" }
}
