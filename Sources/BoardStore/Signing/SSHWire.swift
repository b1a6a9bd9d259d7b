/// Reads the SSH wire encoding (RFC 4251 section 5): big-endian uint32, length-prefixed strings, mpints.
struct SSHWireReader {
    private let bytes: [UInt8]
    private(set) var offset = 0

    init<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        self.bytes = Array(bytes)
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func readBytes(_ count: Int) throws(SSHFormatError) -> [UInt8] {
        guard count >= 0, bytes.count - offset >= count else { throw SSHFormatError("truncated") }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func readByte() throws(SSHFormatError) -> UInt8 {
        try readBytes(1)[0]
    }

    mutating func readUInt32() throws(SSHFormatError) -> UInt32 {
        try readBytes(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func readString() throws(SSHFormatError) -> [UInt8] {
        let length = try readUInt32()
        guard length <= UInt32(bytes.count - offset) else { throw SSHFormatError("a length runs past the end") }
        return try readBytes(Int(length))
    }

    /// A string that must be UTF-8 text, as algorithm names and namespaces are.
    mutating func readText() throws(SSHFormatError) -> String {
        let raw = try readString()
        guard let text = String(validating: raw, as: UTF8.self), !raw.contains(0) else {
            throw SSHFormatError("a name is not text")
        }
        return text
    }

    /// An unsigned mpint, without its leading zero bytes; a negative one is malformed.
    mutating func readUnsignedMPInt() throws(SSHFormatError) -> [UInt8] {
        let raw = try readString()
        if let first = raw.first, first & 0x80 != 0 { throw SSHFormatError("a negative integer") }
        return Array(raw.drop { $0 == 0 })
    }

    func expectEnd(_ what: String) throws(SSHFormatError) {
        guard isAtEnd else { throw SSHFormatError("\(what) has trailing bytes") }
    }
}

/// Writes the SSH wire encoding.
struct SSHWireWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write(_ raw: some Sequence<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    mutating func writeByte(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func writeUInt32(_ value: UInt32) {
        bytes.append(contentsOf: [UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16),
                                  UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)])
    }

    mutating func writeString(_ raw: some Collection<UInt8>) {
        writeUInt32(UInt32(raw.count))
        bytes.append(contentsOf: raw)
    }

    mutating func writeString(_ text: String) {
        writeString(Array(text.utf8))
    }

    /// An unsigned integer as an mpint: minimal, with a zero byte before a set top bit.
    mutating func writeUnsignedMPInt(_ magnitude: some Collection<UInt8>) {
        let trimmed = Array(magnitude.drop { $0 == 0 })
        writeString(trimmed.first.map { $0 & 0x80 != 0 } == true ? [0] + trimmed : trimmed)
    }
}

/// Bytes that do not follow the SSH key or signature formats.
public struct SSHFormatError: Error, Equatable, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
