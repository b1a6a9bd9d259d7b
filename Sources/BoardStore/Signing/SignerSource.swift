import BoardCore

/// Finds the key to sign a stakeholder's lines with. The store asks it per line, with the keys
/// registered before that line, so a batch that registers a key can sign with it after.
public protocol SignerSource: AnyObject {
    func signer(for handle: String, registry: KeyRegistry) throws -> (any SSHMessageSigner)?

    /// Why there is no key for `handle`, to name in a refusal ("no key given; ...").
    func missingKeyHint(for handle: String) -> String
}

extension SignerSource {
    /// The key this person signs with, or why there is none, for the dashboard's header.
    public func status(for handle: String, registry: KeyRegistry) -> SigningKeyStatus {
        do {
            guard let signer = try signer(for: handle, registry: registry) else {
                return SigningKeyStatus(label: "no signing key", detail: missingKeyHint(for: handle), usable: false)
            }
            let key = signer.publicKey
            let label = "\(key.kind.displayName) \(key.fingerprint.dropFirst("SHA256:".count).prefix(8))"
            guard registry.keys[key.fingerprint].map({ $0.handle == handle && $0.revokedAt == nil }) ?? false else {
                return SigningKeyStatus(
                    label: "\(label) not registered",
                    detail: "\(key.fingerprint) is not a registered key of \(handle): a lead adds it with mlboard key add", usable: false)
            }
            return SigningKeyStatus(label: label, detail: "signing as \(handle) with \(key.kind.displayName) \(key.fingerprint)", usable: true)
        } catch {
            return SigningKeyStatus(label: "signing key unusable", detail: "\(error)", usable: false)
        }
    }
}

/// The key someone signs with, in a word and in full.
public struct SigningKeyStatus: Equatable, Sendable {
    /// "ED25519 Re+xJUl8", "no signing key", ...
    public var label: String
    public var detail: String
    public var usable: Bool

    public init(label: String, detail: String, usable: Bool) {
        self.label = label
        self.detail = detail
        self.usable = usable
    }
}

/// A line that cannot be signed as the workspace demands: nothing is written. The command line
/// exits 1, as for a rule that says no.
public struct SigningRefusal: Error, Equatable, CustomStringConvertible {
    public let message: String

    public init(message: String) { self.message = message }

    public var description: String { message }
}

/// Signs each line the writer appends, with the key the source gives for its actor, when that
/// key may sign it; refuses when the policy or a key line needs a signature it cannot make.
struct WriterSigning {
    let source: SignerSource?

    func signature(for record: EventRecord, signedHash: String, registry: KeyRegistry) throws -> SSHSignature? {
        let handle = record.actor.handle
        let mustSign = record.event.isKeyEvent || registry.requiresSignature(at: record.sequence)
        let why = record.event.isKeyEvent ? "a key line must be signed" : "signatures are required in this workspace"
        let registered = registry.activeKeys(of: handle).map { "\($0.fingerprint) (\($0.typeName))" }
        let registeredText = registered.isEmpty ? "\(handle) has no registered key" : "keys registered to \(handle): \(registered.joined(separator: ", "))"
        let found: (any SSHMessageSigner)?
        do {
            found = try source?.signer(for: handle, registry: registry)
        } catch {
            throw SigningRefusal(message: "cannot act as \(handle): the key to sign with cannot be used: \(error)")
        }
        guard let signer = found else {
            guard !mustSign else {
                let hint = source?.missingKeyHint(for: handle) ?? "no key to sign with was given"
                throw SigningRefusal(message: "cannot act as \(handle): \(why), and \(hint); \(registeredText)")
            }
            return nil
        }
        let fingerprint = signer.publicKey.fingerprint
        let mayUse: Bool
        if let key = registry.keys[fingerprint] {
            mayUse = key.handle == handle && key.isValid(at: record.sequence)
        } else if case .keyAdded(handle, fingerprint, _) = record.event, registry.isEmpty {
            mayUse = true  // the workspace's first key signs its own line
        } else {
            mayUse = false
        }
        guard mayUse else {
            guard !mustSign else {
                throw SigningRefusal(message: "cannot act as \(handle): \(why), and the key you sign with, \(fingerprint), "
                    + "is not a valid key of \(handle); \(registeredText)")
            }
            return nil
        }
        do {
            return try signer.sign(Array(signedHash.utf8))
        } catch {
            throw SigningRefusal(message: "cannot sign as \(handle) with \(fingerprint): \(error)")
        }
    }
}
