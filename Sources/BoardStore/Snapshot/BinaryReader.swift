import Glibc

/// Reads what `BinaryWriter` wrote. Every read checks its bounds and throws on bytes that
/// cannot be what the writer produced; nothing here traps on bad input.
struct BinaryReader {
    /// The most elements a count may reserve room for up front: a count is only checked
    /// against the bytes left, and a crafted file could otherwise ask for gigabytes.
    static let largestReservation = 1 << 17

    private let buffer: UnsafeBufferPointer<UInt8>
    private(set) var offset = 0

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    var remaining: Int { buffer.count - offset }

    mutating func read<Value: BinaryCodable>(_ type: Value.Type = Value.self) throws -> Value {
        try Value.read(from: &self)
    }

    mutating func readRaw(count: Int) throws -> UnsafeBufferPointer<UInt8> {
        guard count >= 0, count <= remaining else { throw BinaryDecodingError.shortData(at: offset) }
        let start = offset
        offset += count
        return UnsafeBufferPointer(rebasing: buffer[start ..< start + count])
    }

    mutating func readByte() throws -> UInt8 {
        guard remaining >= 1 else { throw BinaryDecodingError.shortData(at: offset) }
        offset += 1
        return buffer[offset - 1]
    }

    mutating func readFixedUInt32() throws -> UInt32 {
        let raw = try readRaw(count: 4)
        return UInt32(littleEndian: UnsafeRawBufferPointer(raw).loadUnaligned(as: UInt32.self))
    }

    mutating func readFixedUInt64() throws -> UInt64 {
        let raw = try readRaw(count: 8)
        return UInt64(littleEndian: UnsafeRawBufferPointer(raw).loadUnaligned(as: UInt64.self))
    }

    mutating func readVarint() throws -> UInt64 {
        let start = offset
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            // The tenth byte may carry only the top bit of a 64-bit number.
            if shift == 63 && byte > 1 { throw BinaryDecodingError.badVarint(at: start) }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func readSignedVarint() throws -> Int64 {
        let zigzag = try readVarint()
        return Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1)))
    }

    /// A count of elements that follow; each takes at least one byte, so a count larger than
    /// what is left is damage (and must not make us reserve gigabytes).
    mutating func readCount() throws -> Int {
        let start = offset
        let count = try readVarint()
        guard count <= UInt64(remaining) else { throw BinaryDecodingError.badCount(at: start) }
        return Int(count)
    }

    mutating func readString() throws -> String {
        let start = offset
        let utf8 = try readRaw(count: readCount())
        // String(validating:) goes through unspecialised generic code, several times slower
        // here; decoding repairs bad sequences, so a repaired string differs from its bytes.
        var text = String(decoding: utf8, as: UTF8.self)
        let intact = text.withUTF8 { decoded in
            guard decoded.count == utf8.count else { return false }
            guard let decodedStart = decoded.baseAddress, let start = utf8.baseAddress else { return true }  // both empty
            return memcmp(decodedStart, start, utf8.count) == 0
        }
        guard intact else { throw BinaryDecodingError.badUTF8(at: start) }
        return text
    }

    func expectEnd() throws {
        guard remaining == 0 else { throw BinaryDecodingError.trailingBytes(remaining) }
    }
}

/// Why bytes could not be decoded; `at` is the byte offset where the bad value starts.
enum BinaryDecodingError: Error, Equatable {
    case shortData(at: Int)
    case badVarint(at: Int)
    case badCount(at: Int)
    case badUTF8(at: Int)
    case badBool(at: Int)
    case badEnumValue(type: String, at: Int)
    case duplicateKey(at: Int)
    case trailingBytes(Int)
}
