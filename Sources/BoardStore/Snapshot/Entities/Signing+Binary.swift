import BoardCore

extension SignatureMark: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        switch self {
        case .unsigned:
            writer.writeByte(0)
        case .verified(let fingerprint):
            writer.writeByte(1)
            writer.write(fingerprint)
        case .bad(let reason):
            writer.writeByte(2)
            writer.write(reason)
        }
    }

    static func read(from reader: inout BinaryReader) throws -> SignatureMark {
        let start = reader.offset
        switch try reader.readByte() {
        case 0: return .unsigned
        case 1: return .verified(fingerprint: try reader.read())
        case 2: return .bad(reason: try reader.read())
        default: throw BinaryDecodingError.badEnumValue(type: "SignatureMark", at: start)
        }
    }
}

extension SignaturePolicy: BinaryCodable {}

extension SigningKey: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(fingerprint)
        writer.write(handle)
        writer.write(publicKey)
        writer.write(addedAt)
        writer.write(revokedAt)
    }

    static func read(from reader: inout BinaryReader) throws -> SigningKey {
        SigningKey(
            fingerprint: try reader.read(), handle: try reader.read(), publicKey: try reader.read(),
            addedAt: try reader.read(), revokedAt: try reader.read())
    }
}

extension KeyRegistry: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(keys)
        writer.write(root)
        writer.write(policy)
        writer.write(policySince)
    }

    static func read(from reader: inout BinaryReader) throws -> KeyRegistry {
        var registry = KeyRegistry()
        registry.keys = try reader.read()
        registry.root = try reader.read()
        registry.policy = try reader.read()
        registry.policySince = try reader.read()
        return registry
    }
}
