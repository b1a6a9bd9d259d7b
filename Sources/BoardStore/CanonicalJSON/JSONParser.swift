/// Parses JSON text (RFC 8259) into a `JSONValue`. Strict where Foundation is strict: no
/// leading zeros, no unescaped control characters, no lone surrogates, at most 512 nested
/// arrays and objects. Stricter in two places: no trailing commas, which JSONDecoder accepts,
/// and valid UTF-8 in every string, where JSONDecoder checks only the strings it decodes.
/// It never traps: every flaw is a `JSONSyntaxError`.
struct JSONParser {
    /// Foundation's JSONDecoder accepts 512 nested containers and refuses 513.
    static let maximumDepth = 512

    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer)
            return try parser.parseDocument()
        }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func parseDocument() throws -> JSONValue {
        // Foundation skips a UTF-8 byte order mark.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw failure("unexpected bytes after the document") }
        return value
    }

    mutating func parseValue() throws -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw failure("unexpected end of data") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"): return try parseNumber()
        default: throw failure("unexpected character")
        }
    }

    private mutating func parseArray() throws -> JSONValue {
        try enterContainer()
        var items: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(items)
        }
        while true {
            items.append(try parseValue())
            if try endOfList(closedBy: UInt8(ascii: "]")) { break }
        }
        depth -= 1
        return .array(items)
    }

    private mutating func parseObject() throws -> JSONValue {
        try enterContainer()
        var members: [JSONMember] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a key") }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
            index += 1
            members.append(JSONMember(key: key, value: try parseValue()))
            if try endOfList(closedBy: UInt8(ascii: "}")) { break }
        }
        depth -= 1
        return .object(members)
    }

    private mutating func enterContainer() throws {
        depth += 1
        guard depth <= Self.maximumDepth else { throw failure("nested too deeply") }
        index += 1
    }

    /// After an item: true at the closing bracket, false after a comma.
    private mutating func endOfList(closedBy closing: UInt8) throws -> Bool {
        skipWhitespace()
        guard index < bytes.count else { throw failure("unexpected end of data") }
        let byte = bytes[index]
        index += 1
        if byte == closing { return true }
        guard byte == UInt8(ascii: ",") else { throw failure("expected ',' or a closing bracket") }
        return false
    }

    private mutating func expectWord(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw failure("unexpected end of data") }
        for offset in 0 ..< count where bytes[index + offset] != word.utf8Start[offset] {
            throw failure("unexpected character")
        }
        index += count
    }

    private mutating func parseNumber() throws -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard isDigit(at: index) else { throw failure("expected a digit") }
        if bytes[index] == UInt8(ascii: "0") { index += 1 } else { skipDigits() }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit(at: index) else { throw failure("expected a digit") }
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard isDigit(at: index) else { throw failure("expected a digit") }
            skipDigits()
        }
        return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< index]), as: UTF8.self))
    }

    private func isDigit(at position: Int) -> Bool {
        position < bytes.count && bytes[position] >= UInt8(ascii: "0") && bytes[position] <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        while isDigit(at: index) { index += 1 }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
            default: return
            }
        }
    }

    func failure(_ reason: String) -> JSONSyntaxError { JSONSyntaxError(reason: reason, offset: index) }
}

struct JSONSyntaxError: Error, CustomStringConvertible {
    let reason: String
    let offset: Int
    var description: String { "\(reason) at byte \(offset)" }
}
