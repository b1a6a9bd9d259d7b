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
