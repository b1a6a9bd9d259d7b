extension Dictionary where Value: Equatable {
    /// The keys whose entry differs between `old` and this dictionary (added, removed or with
    /// another value), or nil when more than `limit` differ.
    ///
    /// A dictionary changed in place after a copy keeps its buckets, so both usually list their
    /// keys in the same order: walked side by side, each entry costs a key and a value compare
    /// (both short-circuit on shared storage). When a key falls out of step, keys are looked up.
    /// Inlinable, so that callers in other modules get it specialised for their types.
    @inlinable
    public func keysChanged(since old: [Key: Value], limit: Int) -> Set<Key>? {
        if count == old.count, case .inStep(let changed) = walkInStep(with: old, limit: limit) { return changed }
        var changed: Set<Key> = []
        var added = 0
        for (key, value) in self {
            let before = old[key]
            guard before != value else { continue }
            if before == nil { added += 1 }
            changed.insert(key)
            if changed.count > limit { return nil }
        }
        if old.count > count - added {
            for key in old.keys where self[key] == nil {
                changed.insert(key)
                if changed.count > limit { return nil }
            }
        }
        return changed
    }

    @usableFromInline
    enum Walk {
        case inStep(changed: Set<Key>?)
        case outOfStep
    }

    @inlinable
    func walkInStep(with old: [Key: Value], limit: Int) -> Walk {
        var changed: Set<Key> = []
        for ((key, value), (oldKey, oldValue)) in zip(self, old) {
            guard key == oldKey else { return .outOfStep }
            guard value != oldValue else { continue }
            changed.insert(key)
            if changed.count > limit { return .inStep(changed: nil) }
        }
        return .inStep(changed: changed)
    }
}
