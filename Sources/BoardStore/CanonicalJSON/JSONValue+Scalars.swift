/// Reading a `JSONValue` as a Swift scalar, with Foundation's rules: integers must be
/// exact and in range (`1.0` and `1e2` are read through Double, as Foundation reads them,
/// but digits alone never are: -9223372036854775809 is not rounded into Int64),
/// floating-point numbers must neither overflow nor underflow to zero, and a null where a
/// value is expected is `valueNotFound`, anything else of the wrong kind `typeMismatch`.
/// The coding path is worked out only for an error.
extension JSONValue {
    func bool(at path: @autoclosure () -> TreeCodingPath) throws -> Bool {
        guard case .bool(let value) = self else { throw mismatch(Bool.self, at: path().keys) }
        return value
    }

    func string(at path: @autoclosure () -> TreeCodingPath) throws -> String {
        guard case .string(let value) = self else { throw mismatch(String.self, at: path().keys) }
        return value
    }

    func integer<Integer: FixedWidthInteger>(_ type: Integer.Type, at path: @autoclosure () -> TreeCodingPath) throws -> Integer {
        guard case .number(let text) = self else { throw mismatch(type, at: path().keys) }
        if let exact = Integer(text) { return exact }
        if text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }),
           let approximate = Double(text), let exact = Integer(exactly: approximate) {
            return exact
        }
        throw DecodingError.dataCorrupted(.init(codingPath: path().keys, debugDescription: "Number \(text) is not representable in \(type)"))
    }

    func double(at path: @autoclosure () -> TreeCodingPath) throws -> Double {
        guard case .number(let text) = self else { throw mismatch(Double.self, at: path().keys) }
        guard let value = Double(text), value.isFinite, value != 0 || !Self.hasNonzeroSignificand(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: path().keys, debugDescription: "Number \(text) is not representable in Double"))
        }
        return value
    }

    func float(at path: @autoclosure () -> TreeCodingPath) throws -> Float {
        let wide = try double(at: path())
        let value = Float(wide)
        guard value.isFinite, value != 0 || wide == 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: path().keys, debugDescription: "Number \(wide) is not representable in Float"))
        }
        return value
    }

    /// Whether a number's digits before its exponent are not all zero: such a number that
    /// parses as zero underflowed, which Foundation refuses.
    private static func hasNonzeroSignificand(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { return false }
            if byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9") { return true }
        }
        return false
    }

    func mismatch(_ type: Any.Type, at codingPath: [CodingKey]) -> DecodingError {
        if case .null = self {
            return .valueNotFound(type, .init(codingPath: codingPath, debugDescription: "Expected \(type) but found null"))
        }
        return .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "Expected \(type) but found \(kind)"))
    }

    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
