import Foundation

/// Sort keys for names, compared as bytes. Swift orders strings by their NFC-normalised
/// scalars, which for non-ASCII text means normalising on every comparison; the NFC UTF-8
/// bytes of a name order the same way (UTF-8 keeps scalar order) at the cost of a byte compare.
struct SortKey: Comparable {
    let bytes: [UInt8]

    /// Orders as `text` does among strings.
    init(_ text: String) {
        self.init(bytes: SortKey.isASCII(text) ? Array(text.utf8) : Array(text.precomposedStringWithCanonicalMapping.utf8))
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// Orders as `text.lowercased()` does.
    init(caseless text: String) {
        self.init(bytes: SortKey.isASCII(text)
            ? text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
            : SortKey(text.lowercased()).bytes)
    }

    static func < (lhs: SortKey, rhs: SortKey) -> Bool {
        lhs.bytes.withUnsafeBufferPointer { left in
            rhs.bytes.withUnsafeBufferPointer { right in
                let common = min(left.count, right.count)
                let order = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
                return order != 0 ? order < 0 : left.count < right.count
            }
        }
    }

    private static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

    /// `rows` in the order `inOrder` gives their indices: each row is moved once.
    static func order<Row>(_ rows: [Row], by inOrder: (Int, Int) -> Bool) -> [Row] {
        rows.indices.sorted(by: inOrder).map { rows[$0] }
    }
}

/// The sort keys of project names, kept across recomputes of the project list by slug (a
/// name changes rarely; making its key is what costs).
final class NameKeys {
    private var keys: [String: (name: String, exact: SortKey, caseless: SortKey)] = [:]

    func of(slug: String, name: String) -> (exact: SortKey, caseless: SortKey) {
        if let known = keys[slug], known.name == name { return (known.exact, known.caseless) }
        let made = (name: name, exact: SortKey(name), caseless: SortKey(caseless: name))
        keys[slug] = made
        return (made.exact, made.caseless)
    }
}
