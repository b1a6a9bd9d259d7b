/// Encodes values the way the journal stores them: JSON with sorted keys and unescaped
/// slashes, byte for byte what Foundation's JSONEncoder writes with `[.sortedKeys,
/// .withoutEscapingSlashes]` for the types the journal holds (a test checks every event of
/// the demo). It exists for speed: it builds a small tree without the dynamic type checks
/// Foundation's encoder makes for every value, which made encoding the largest CPU cost of a
/// durable commit (see docs/FIGURES.md).
///
/// Foundation's special cases (Date, Data, URL, Decimal) are not reproduced: such values
/// would encode through their own `Codable` conformance here. The journal holds none.
/// Reading lines back is `CanonicalJSON.decode` (CanonicalJSON+Decoding.swift).
enum CanonicalJSON {
    static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let encoder = NodeEncoder(codingPath: [])
        try value.encode(to: encoder)
        var output: [UInt8] = []
        output.reserveCapacity(512)
        write(encoder.node ?? .object(ObjectBox()), to: &output)
        return output
    }

    private static func write(_ node: JSONNode, to output: inout [UInt8]) {
        switch node {
        case .literal(let bytes):
            output += bytes
        case .string(let string):
            appendString(string, to: &output)
        case .deferred(let encoder):
            write(encoder.node ?? .object(ObjectBox()), to: &output)
        case .array(let box):
            output.append(UInt8(ascii: "["))
            for (index, item) in box.items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(item, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let box):
            output.append(UInt8(ascii: "{"))
            for (index, member) in box.sortedMembers().enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                appendString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                write(member.value, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8.
    static func appendString(_ string: String, to output: inout [UInt8]) {
        var string = string
        string.withUTF8 { appendString($0, to: &output) }
    }

    /// Over the string's own bytes, a loop the compiler makes tight; over its UTF-8 view the
    /// same look was three times slower and showed in a commit's profile.
    private static func appendString(_ utf8: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output.append(contentsOf: utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: output += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: output += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0A: output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x00 ..< 0x20:
                output += Array(#"\u00"#.utf8)
                output += [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Numbers as Foundation writes them: integers in decimal, doubles in their shortest
    /// round-tripping form without a trailing ".0".
    static func doubleLiteral<Number: BinaryFloatingPoint & LosslessStringConvertible>(_ value: Number, codingPath: [CodingKey]) throws -> JSONNode {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "\(value) is not valid in JSON"))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .literal(Array(text.utf8))
    }
}

/// A value on its way to JSON. Containers are classes because Codable hands out containers
/// that are filled after they are returned; a super encoder's value is read when written.
enum JSONNode {
    case literal([UInt8])
    /// A string, escaped as it is written (no bytes of its own until then).
    case string(String)
    case array(ArrayBox)
    case object(ObjectBox)
    case deferred(NodeEncoder)
}

final class ArrayBox {
    var items: [JSONNode] = []
}

final class ObjectBox {
    var members: [(key: String, value: JSONNode)] = []

    /// Members by key; a key encoded twice keeps its last value, as Foundation's encoder does.
    func sortedMembers() -> [(key: String, value: JSONNode)] {
        if isSortedWithoutRepeats { return members }
        let ordered = members.enumerated().sorted { a, b in
            a.element.key == b.element.key ? a.offset < b.offset : a.element.key < b.element.key
        }
        var result: [(key: String, value: JSONNode)] = []
        result.reserveCapacity(ordered.count)
        for (_, member) in ordered {
            if result.last?.key == member.key { result[result.count - 1] = member } else { result.append(member) }
        }
        return result
    }

    /// Many types encode their keys in order already; checking is cheaper than sorting.
    private var isSortedWithoutRepeats: Bool {
        var index = members.startIndex + 1
        while index < members.endIndex {
            guard members[index - 1].key < members[index].key else { return false }
            index += 1
        }
        return true
    }
}
