import BoardCore

/// SplitMix64: a tiny seeded generator, so the demo is the same on every machine and run.
/// The helpers below are written out rather than borrowed from the standard library's
/// `random(in:using:)`, whose algorithms are not promised to stay the same between releases.
struct SplitMix64: Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for one numbered item, independent of how many items come before it.
    init(seed: UInt64, stream: Int) {
        var mixer = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: stream) &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (bound > 0); the modulo bias is far below anything a demo shows.
    mutating func int(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(next() % UInt64(bound))
    }

    /// A number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * unit()
    }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    mutating func pick<T>(_ items: [T]) -> T { items[int(below: items.count)] }

    /// An index into `weights`, chosen in proportion to them.
    mutating func weightedIndex(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        var roll = int(below: total)
        for (index, weight) in weights.enumerated() {
            if roll < weight { return index }
            roll -= weight
        }
        return weights.count - 1
    }

    /// Up to `count` distinct indices into `weights`, each chosen in proportion to them.
    mutating func distinctWeightedIndices(_ weights: [Int], count: Int) -> [Int] {
        var chosen: [Int] = []
        var remaining = weights
        while chosen.count < min(count, weights.count) {
            let index = weightedIndex(remaining)
            chosen.append(index)
            remaining[index] = 0
            if remaining.allSatisfy({ $0 == 0 }) { break }
        }
        return chosen
    }

    /// Eight hex digits, for run ids and commits.
    mutating func hex(_ digits: Int = 8) -> String {
        let text = String(next(), radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - text.count)) + text
        return String(padded.prefix(digits))
    }
}
