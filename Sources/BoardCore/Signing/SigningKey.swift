/// A stakeholder's SSH public key, registered in the journal. Lines signed with it verify for
/// its stakeholder from the line after it was added until the line that revokes it.
public struct SigningKey: Codable, Equatable, Sendable {
    /// "SHA256:" and the unpadded base64 of the key's SHA-256, as ssh-keygen -l prints it.
    public var fingerprint: String
    public var handle: String
    /// The key as one OpenSSH line without a comment: "ssh-ed25519 AAAA...".
    public var publicKey: String
    /// The sequence number of the line that added it.
    public var addedAt: Int64
    /// The sequence number of the line that revoked it.
    public var revokedAt: Int64?

    public init(fingerprint: String, handle: String, publicKey: String, addedAt: Int64, revokedAt: Int64? = nil) {
        self.fingerprint = fingerprint
        self.handle = handle
        self.publicKey = publicKey
        self.addedAt = addedAt
        self.revokedAt = revokedAt
    }

    /// Whether a line at `sequence` may be signed with this key.
    public func isValid(at sequence: Int64) -> Bool {
        sequence > addedAt && (revokedAt.map { sequence < $0 } ?? true)
    }

    /// The key type as ssh names it ("ssh-ed25519"), from the OpenSSH line.
    public var typeName: String { String(publicKey.prefix { $0 != " " }) }
}

/// Whether every line must be signed.
public enum SignaturePolicy: String, Codable, CaseIterable, Sendable {
    /// Lines may be unsigned; identity is whatever the writer claims. Key events are still
    /// checked, so a key can never be planted unsigned.
    case off
    /// Every line after the one that set the policy must verify for its actor.
    case required
}

/// Who may sign: the registered keys, the workspace's root key and the policy.
public struct KeyRegistry: Codable, Equatable, Sendable {
    public var keys: [String: SigningKey] = [:]
    /// The fingerprint of the workspace's root key: the first key registered, or the key the
    /// root last handed the role to. Clients pin it as ssh pins a host key.
    public var root: String?
    public var policy: SignaturePolicy = .off
    /// The sequence number of the line that set the policy (0: never set).
    public var policySince: Int64 = 0

    public init() {}

    /// Whether any key was ever registered.
    public var isEmpty: Bool { keys.isEmpty }

    /// The keys of `handle` that are valid now (after the last line), oldest first.
    public func activeKeys(of handle: String) -> [SigningKey] {
        keys.values.filter { $0.handle == handle && $0.revokedAt == nil }.sorted { $0.addedAt < $1.addedAt }
    }

    /// Whether a line at `sequence` must carry a verified signature under the policy.
    public func requiresSignature(at sequence: Int64) -> Bool {
        policy == .required && sequence > policySince
    }

    /// Every key, oldest first.
    public var all: [SigningKey] { keys.values.sorted { $0.addedAt == $1.addedAt ? $0.fingerprint < $1.fingerprint : $0.addedAt < $1.addedAt } }
}
