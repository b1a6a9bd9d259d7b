import BoardCore

/// A value the binary snapshot stores field by field, in a fixed order, without field names.
/// `read` must consume exactly what `write` produced, and throw (never trap) on anything else.
protocol BinaryCodable {
    func write(to writer: inout BinaryWriter)
    static func read(from reader: inout BinaryReader) throws -> Self
}

extension String: BinaryCodable {
    func write(to writer: inout BinaryWriter) { writer.writeString(self) }
    static func read(from reader: inout BinaryReader) throws -> String { try reader.readString() }
}

extension Int64: BinaryCodable {
    func write(to writer: inout BinaryWriter) { writer.writeSignedVarint(self) }
    static func read(from reader: inout BinaryReader) throws -> Int64 { try reader.readSignedVarint() }
}

extension Int: BinaryCodable {
    func write(to writer: inout BinaryWriter) { writer.writeSignedVarint(Int64(self)) }
    static func read(from reader: inout BinaryReader) throws -> Int {
        let start = reader.offset
        guard let value = Int(exactly: try reader.readSignedVarint()) else { throw BinaryDecodingError.badVarint(at: start) }
        return value
    }
}

extension Double: BinaryCodable {
    func write(to writer: inout BinaryWriter) { writer.writeFixed(bitPattern) }
    static func read(from reader: inout BinaryReader) throws -> Double { Double(bitPattern: try reader.readFixedUInt64()) }
}

extension Bool: BinaryCodable {
    func write(to writer: inout BinaryWriter) { writer.writeByte(self ? 1 : 0) }

    static func read(from reader: inout BinaryReader) throws -> Bool {
        let start = reader.offset
        switch try reader.readByte() {
        case 0: return false
        case 1: return true
        default: throw BinaryDecodingError.badBool(at: start)
        }
    }
}

extension Instant: BinaryCodable {
    func write(to writer: inout BinaryWriter) { writer.writeSignedVarint(millis) }
    static func read(from reader: inout BinaryReader) throws -> Instant { Instant(millis: try reader.readSignedVarint()) }
}

/// Enums with string raw values are stored by raw value, so reordering cases keeps old
/// snapshots readable and an unknown value is refused rather than guessed.
extension BinaryCodable where Self: RawRepresentable, RawValue == String {
    func write(to writer: inout BinaryWriter) { writer.writeString(rawValue) }

    static func read(from reader: inout BinaryReader) throws -> Self {
        let start = reader.offset
        guard let value = Self(rawValue: try reader.readString()) else {
            throw BinaryDecodingError.badEnumValue(type: "\(Self.self)", at: start)
        }
        return value
    }
}

extension Optional: BinaryCodable where Wrapped: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(self != nil)
        if let self { writer.write(self) }
    }

    static func read(from reader: inout BinaryReader) throws -> Wrapped? {
        try reader.read(Bool.self) ? try reader.read(Wrapped.self) : nil
    }
}

extension Array: BinaryCodable where Element: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.writeVarint(UInt64(count))
        for element in self { writer.write(element) }
    }

    static func read(from reader: inout BinaryReader) throws -> [Element] {
        let count = try reader.readCount()
        var elements: [Element] = []
        elements.reserveCapacity(Swift.min(count, BinaryReader.largestReservation))
        for _ in 0 ..< count { elements.append(try reader.read(Element.self)) }
        return elements
    }
}

extension Dictionary: BinaryCodable where Key: BinaryCodable, Value: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.writeVarint(UInt64(count))
        for (key, value) in self {
            writer.write(key)
            writer.write(value)
        }
    }

    static func read(from reader: inout BinaryReader) throws -> [Key: Value] {
        let count = try reader.readCount()
        var dictionary = [Key: Value](minimumCapacity: Swift.min(count, BinaryReader.largestReservation))
        for _ in 0 ..< count {
            let start = reader.offset
            let key = try reader.read(Key.self)
            guard dictionary.updateValue(try reader.read(Value.self), forKey: key) == nil else {
                throw BinaryDecodingError.duplicateKey(at: start)
            }
        }
        return dictionary
    }
}
