import BoardCore

/// Signs each line the writer appends, with the key the source gives for its actor, when that
/// key may sign it; refuses when the policy or a key line needs a signature it cannot make.
struct WriterSigning {
    let source: SignerSource?

    func signature(for record: EventRecord, signedHash: String, registry: KeyRegistry) throws -> SSHSignature? {
        let handle = record.actor.handle
        let mustSign = record.event.isKeyEvent || registry.requiresSignature(at: record.sequence)
        let found: (any SSHMessageSigner)?
        do {
            found = try source?.signer(for: handle, registry: registry)
        } catch {
            throw SigningRefusal(message: "cannot act as \(handle): the key to sign with cannot be used: \(error)")
        }
        guard let signer = found else {
            guard !mustSign else {
                let hint = source?.missingKeyHint(for: handle) ?? "no key to sign with was given"
                throw refusal(record, registry, hint)
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
                throw refusal(record, registry, "the key you sign with, \(fingerprint), is not a valid key of \(handle)")
            }
            return nil
        }
        do {
            return try signer.sign(Array(signedHash.utf8))
        } catch {
            throw SigningRefusal(message: "cannot sign as \(handle) with \(fingerprint): \(error)")
        }
    }

    /// Why the line cannot be written: what demands a signature, what is wrong with the key, and
    /// which keys the actor has. Made only on refusal: listing the keys costs a look at them all.
    private func refusal(_ record: EventRecord, _ registry: KeyRegistry, _ problem: String) -> SigningRefusal {
        let handle = record.actor.handle
        let why = record.event.isKeyEvent ? "a key line must be signed" : "signatures are required in this workspace"
        let registered = registry.activeKeys(of: handle).map { "\($0.fingerprint) (\($0.typeName))" }
        let keys = registered.isEmpty ? "\(handle) has no registered key" : "keys registered to \(handle): \(registered.joined(separator: ", "))"
        return SigningRefusal(message: "cannot act as \(handle): \(why), and \(problem); \(keys)")
    }
}
