import BoardCore
import Testing

@Suite("Keys changed between two versions of a dictionary")
struct ChangedKeysTests {
    /// The keys a lookup of every key of both would name.
    private func naive(_ old: [String: Int], _ new: [String: Int]) -> Set<String> {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }
    }

    @Test("edits in place, insertions that grow the table and removals, against a naive comparison", arguments: [7, 8, 9])
    func againstNaive(seed: UInt64) {
        var random = seed
        func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((random >> 33) % UInt64(bound))
        }
        var current: [String: Int] = [:]
        for index in 0..<300 { current["key-\(index)"] = index }
        for _ in 0..<200 {
            let old = current
            for _ in 0..<next(6) {
                switch next(4) {
                case 0: current["key-\(next(600))"] = next(3)
                case 1: current.removeValue(forKey: "key-\(next(600))")
                default: current["key-\(next(300))", default: 0] += next(2)
                }
            }
            #expect(current.keysChanged(since: old, limit: 1000) == naive(old, current))
            let changed = naive(old, current).count
            if changed > 0 { #expect(current.keysChanged(since: old, limit: changed - 1) == nil, "more than the limit") }
        }
    }

    @Test("a value changed in place is found, and equal copies have none")
    func inPlace() {
        var dictionary = Dictionary(uniqueKeysWithValues: (0..<1000).map { ("slug-\($0)", $0) })
        let old = dictionary
        #expect(dictionary.keysChanged(since: old, limit: 10) == [])
        dictionary["slug-500"] = -1
        #expect(dictionary.keysChanged(since: old, limit: 10) == ["slug-500"])
        #expect(old.keysChanged(since: dictionary, limit: 10) == ["slug-500"])
        #expect(dictionary.keysChanged(since: old, limit: 0) == nil)
    }
}
