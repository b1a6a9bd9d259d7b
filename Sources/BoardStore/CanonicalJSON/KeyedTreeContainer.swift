/// An object's members by key. A key given twice yields its first value, as with
/// Foundation's JSONDecoder.
struct KeyedTreeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [JSONMember]
    let path: TreeCodingPath
    var codingPath: [CodingKey] { path.keys }
    /// For large objects only; a line's objects have a handful of keys, scanned faster than hashed.
    private let firstIndexByKey: [String: Int]?

    init(members: [JSONMember], path: TreeCodingPath) {
        self.members = members
        self.path = path
        if members.count > 16 {
            var index: [String: Int] = [:]
            for (position, member) in members.enumerated() where index[member.key] == nil { index[member.key] = position }
            firstIndexByKey = index
        } else {
            firstIndexByKey = nil
        }
    }

    /// Each key once, in document order. An enum's object has one key; a line's objects have a
    /// handful, checked against those before them faster than a set is built.
    var allKeys: [Key] {
        if members.count == 1 { return Key(stringValue: members[0].key).map { [$0] } ?? [] }
        guard firstIndexByKey == nil else {
            var seen = Set<String>()
            return members.compactMap { member in seen.insert(member.key).inserted ? Key(stringValue: member.key) : nil }
        }
        var keys: [Key] = []
        for (position, member) in members.enumerated()
        where !members[..<position].contains(where: { $0.key == member.key }) {
            if let key = Key(stringValue: member.key) { keys.append(key) }
        }
        return keys
    }

    private func lookup(_ key: String) -> JSONValue? {
        if let firstIndexByKey { return firstIndexByKey[key].map { members[$0].value } }
        return members.first { $0.key == key }?.value
    }

    func contains(_ key: Key) -> Bool { lookup(key.stringValue) != nil }

    private func value(for key: Key) throws -> JSONValue {
        guard let value = lookup(key.stringValue) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No value for key \"\(key.stringValue)\""))
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { try value(for: key).isNull }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(for: key).bool(at: path.appending(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(for: key).string(at: path.appending(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(for: key).double(at: path.appending(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try value(for: key).float(at: path.appending(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(for: key).integer(type, at: path.appending(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try value(for: key).integer(type, at: path.appending(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try value(for: key).integer(type, at: path.appending(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try value(for: key).integer(type, at: path.appending(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(for: key).integer(type, at: path.appending(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try value(for: key).integer(type, at: path.appending(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try value(for: key).integer(type, at: path.appending(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try value(for: key).integer(type, at: path.appending(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try value(for: key).integer(type, at: path.appending(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try value(for: key).integer(type, at: path.appending(key)) }

    func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
        try Value(from: TreeDecoder(value: try value(for: key), path: path.appending(key)))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try TreeDecoder(value: try value(for: key), path: path.appending(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try TreeDecoder(value: try value(for: key), path: path.appending(key)).unkeyedContainer()
    }

    /// A missing key reads as null, as with Foundation.
    func superDecoder() throws -> Decoder {
        TreeDecoder(value: lookup(TreeCodingKey.superKey.stringValue) ?? .null, path: path.appending(TreeCodingKey.superKey))
    }

    func superDecoder(forKey key: Key) throws -> Decoder {
        TreeDecoder(value: lookup(key.stringValue) ?? .null, path: path.appending(key))
    }
}
