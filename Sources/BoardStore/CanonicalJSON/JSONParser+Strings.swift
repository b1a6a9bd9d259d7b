/// JSON strings: the common case without escapes is copied straight from the input.
extension JSONParser {
    /// Reads from the opening quote through the closing one.
    mutating func parseString() throws -> String {
        index += 1
        let start = index
        var isASCII = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = UnsafeBufferPointer(rebasing: bytes[start ..< index])
                index += 1
                return try makeString(text, knownASCII: isASCII)
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: start) }
            if byte < 0x20 { throw failure("unescaped control character in a string") }
            if byte >= 0x80 { isASCII = false }
            index += 1
        }
        throw failure("unterminated string")
    }

    private mutating func parseEscapedString(from start: Int) throws -> String {
        var text = Array(UnsafeBufferPointer(rebasing: bytes[start ..< index]))
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return try text.withUnsafeBufferPointer { try makeString($0, knownASCII: false) }
            case UInt8(ascii: "\\"):
                try appendEscape(to: &text)
            case 0 ..< 0x20:
                throw failure("unescaped control character in a string")
            default:
                text.append(byte)
            }
        }
        throw failure("unterminated string")
    }

    private mutating func appendEscape(to text: inout [UInt8]) throws {
        guard index < bytes.count else { throw failure("unterminated string") }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
            let scalar = try parseUnicodeEscape()
            UTF8.encode(scalar) { text.append($0) }
        default: throw failure("unknown escape")
        }
    }

    /// The four hex digits after `\u`, and a second `\uXXXX` when the first is a high surrogate.
    private mutating func parseUnicodeEscape() throws -> Unicode.Scalar {
        let unit = try parseHexQuad()
        switch unit {
        case 0xD800 ... 0xDBFF:
            guard bytes.count - index >= 2, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw failure("high surrogate without its low surrogate")
            }
            index += 2
            let low = try parseHexQuad()
            guard (0xDC00 ... 0xDFFF).contains(low) else { throw failure("high surrogate without its low surrogate") }
            let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else { throw failure("invalid surrogate pair") }
            return scalar
        case 0xDC00 ... 0xDFFF:
            throw failure("low surrogate without a high surrogate")
        default:
            guard let scalar = Unicode.Scalar(unit) else { throw failure("invalid unicode escape") }
            return scalar
        }
    }

    private mutating func parseHexQuad() throws -> UInt16 {
        guard bytes.count - index >= 4 else { throw failure("unterminated unicode escape") }
        var value: UInt16 = 0
        for _ in 0 ..< 4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0") ... UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a") ... UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A") ... UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid hex digit in a unicode escape")
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    private func makeString(_ utf8: UnsafeBufferPointer<UInt8>, knownASCII: Bool) throws -> String {
        if knownASCII { return String(decoding: utf8, as: UTF8.self) }
        guard let text = String(validating: utf8, as: UTF8.self) else { throw failure("invalid UTF-8 in a string") }
        return text
    }
}
