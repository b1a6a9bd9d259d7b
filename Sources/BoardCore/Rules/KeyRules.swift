extension Decider {
    func addKey(_ handle: String, _ fingerprint: String, _ publicKey: String) throws -> [Event] {
        let person = try requireActor()
        let owner = try stakeholder(handle)
        guard owner.active else { throw RuleViolation(.notAStakeholder, "stakeholder '\(handle)' is deactivated") }
        try Validate.singleLine(publicKey, field: "public key")
        if let known = state.signing.keys[fingerprint] {
            let status = known.revokedAt == nil ? "is already registered to \(known.handle)" : "was revoked; make a new key"
            throw RuleViolation(.duplicateId, "key \(fingerprint) \(status)")
        }
        let event = Event.keyAdded(handle: handle, fingerprint: fingerprint, publicKey: publicKey)
        if let refusal = KeyAuthority.refusal(of: event, by: person, signedWith: nil, in: state.signing) {
            throw RuleViolation(.keyRights, refusal)
        }
        return [event]
    }

    func revokeKey(_ fingerprint: String) throws -> [Event] {
        let person = try requireActor()
        guard let key = state.signing.keys[fingerprint] else {
            throw RuleViolation(.unknownEntity, "no registered key \(fingerprint.prefix(80)); see mlboard key list")
        }
        guard key.revokedAt == nil else { throw RuleViolation(.nothingToChange, "key \(fingerprint) is already revoked") }
        let event = Event.keyRevoked(fingerprint: fingerprint)
        if let refusal = KeyAuthority.refusal(of: event, by: person, signedWith: nil, in: state.signing) {
            throw RuleViolation(.keyRights, refusal)
        }
        return [event]
    }

    func setRootKey(_ fingerprint: String) throws -> [Event] {
        let person = try requireActor()
        guard let key = state.signing.keys[fingerprint], key.revokedAt == nil else {
            throw RuleViolation(.unknownEntity, "no active registered key \(fingerprint.prefix(80)); see mlboard key list")
        }
        guard state.signing.root != fingerprint else { throw RuleViolation(.nothingToChange, "\(fingerprint) is already the root key") }
        let event = Event.rootKeySet(fingerprint: fingerprint)
        if let refusal = KeyAuthority.refusal(of: event, by: person, signedWith: nil, in: state.signing) {
            throw RuleViolation(.keyRights, refusal)
        }
        return [event]
    }

    func setSignaturePolicy(_ policy: SignaturePolicy) throws -> [Event] {
        try requireLead(to: "change the signature policy")
        guard state.signing.policy != policy else {
            throw RuleViolation(.nothingToChange, "signatures are already \(policy.rawValue)")
        }
        if policy == .required && state.signing.activeKeys(of: actor.handle).isEmpty {
            throw RuleViolation(
                .keyRights, "'\(actor.handle)' has no registered key; add one with mlboard key add before requiring signatures")
        }
        return [.signaturePolicySet(policy)]
    }
}

/// Who may change who signs. `decide` asks it before writing (the store then checks the line is
/// signed as it says), and every reader asks it again of each key line it reads, since a line can
/// be written by hand.
public enum KeyAuthority {
    /// Why `actor` may not record `event`, or nil. `signedWith` is the fingerprint of the key that
    /// signed the line, when the caller knows it (readers do); nil skips the checks of the signer.
    public static func refusal(
        of event: Event, by actor: Stakeholder, signedWith signer: String?, in registry: KeyRegistry
    ) -> String? {
        func signerIsActors() -> String? {
            guard let signer else { return nil }
            guard let key = registry.keys[signer], key.handle == actor.handle, key.revokedAt == nil else {
                return "the line is not signed with a registered key of \(actor.handle)"
            }
            return nil
        }
        switch event {
        case .keyAdded(let handle, let fingerprint, _):
            if registry.isEmpty {
                guard actor.isLead, handle == actor.handle else {
                    return "the first key becomes the workspace's root key: a lead adds it for themselves"
                }
                if let signer, signer != fingerprint { return "the first key must sign its own line" }
                return nil
            }
            if !actor.isLead {
                guard handle == actor.handle else { return "only a lead may add a key for \(handle)" }
                guard !registry.activeKeys(of: actor.handle).isEmpty else {
                    return "\(actor.handle) has no registered key yet: a lead adds the first one (mlboard key add FILE --for \(actor.handle))"
                }
            }
            return signerIsActors()
        case .keyRevoked(let fingerprint):
            guard let key = registry.keys[fingerprint] else { return "no registered key \(fingerprint)" }
            if fingerprint == registry.root { return "\(fingerprint) is the root key; hand the root to another key first (mlboard key root FINGERPRINT)" }
            guard actor.isLead || key.handle == actor.handle else { return "only a lead or its owner may revoke key \(fingerprint)" }
            return signerIsActors()
        case .rootKeySet:
            guard let root = registry.root, let rootKey = registry.keys[root], rootKey.handle == actor.handle else {
                return "only the holder of the root key may hand it to another key"
            }
            if let signer, signer != root { return "the line is not signed with the root key \(root)" }
            return nil
        case .signaturePolicySet:
            guard actor.isLead else { return "only a lead may change the signature policy" }
            return signerIsActors()
        default:
            return nil
        }
    }
}
