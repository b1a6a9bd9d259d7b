/// A value derived from inputs, computed on first use and kept until the inputs change.
final class Memo<Inputs: Equatable, Value> {
    private var inputs: Inputs?
    private var value: Value?
    /// Bumped each time the value is computed afresh, so that what is derived from this value
    /// can list it among its own inputs.
    private(set) var generation = 0

    func get(_ inputs: Inputs, _ compute: () -> Value) -> Value {
        if let value, self.inputs == inputs { return value }
        let fresh = compute()
        self.inputs = inputs
        value = fresh
        generation += 1
        return fresh
    }
}

/// One of the state's copy-on-write collections (an Array or a Dictionary), compared by
/// storage rather than by contents: O(1) whatever its size.
///
/// Equal storage means equal contents because this copy is kept: while it shares the storage,
/// any change made through the state must copy first, so a changed collection always has new
/// storage (and the kept storage cannot be freed and its address reused). Different storage
/// only says "perhaps changed", which costs a recompute, never a wrong answer.
struct SameStorage: Equatable {
    private let storage: Int
    private let kept: Any

    init<Collection>(_ collection: Collection) {
        precondition(MemoryLayout<Collection>.size == MemoryLayout<Int>.size, "only single-reference collections")
        storage = unsafeBitCast(collection, to: Int.self)
        kept = collection
    }

    static func == (lhs: SameStorage, rhs: SameStorage) -> Bool { lhs.storage == rhs.storage }
}
