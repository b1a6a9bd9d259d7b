extension KeyRegistry {
    /// Folds a key event into the registry (other events change nothing); the sequence numbers
    /// bound each key's validity. Readers that need only who may sign call this alone.
    public mutating func apply(_ record: EventRecord) {
        switch record.event {
        case .keyAdded(let handle, let fingerprint, let publicKey):
            guard keys[fingerprint] == nil else { return }
            keys[fingerprint] = SigningKey(fingerprint: fingerprint, handle: handle, publicKey: publicKey, addedAt: record.sequence)
            if root == nil { root = fingerprint }
        case .keyRevoked(let fingerprint):
            if keys[fingerprint]?.revokedAt == nil { keys[fingerprint]?.revokedAt = record.sequence }
        case .rootKeySet(let fingerprint):
            if keys[fingerprint] != nil { root = fingerprint }
        case .signaturePolicySet(let policy):
            self.policy = policy
            policySince = record.sequence
        default:
            return
        }
    }
}
