/// The `Decoder` over a parsed `JSONValue`: the read side of `CanonicalJSON`, standing in
/// for Foundation's JSONDecoder where replay speed matters. Like `NodeEncoder`, it leaves
/// out Foundation's special cases (Date, Data, URL, Decimal); the journal holds none.
struct TreeDecoder: Decoder {
    let value: JSONValue
    let path: TreeCodingPath
    var codingPath: [CodingKey] { path.keys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(value: JSONValue, path: TreeCodingPath) {
        self.value = value
        self.path = path
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw value.mismatch([String: Any].self, at: codingPath) }
        return KeyedDecodingContainer(KeyedTreeContainer<Key>(members: members, path: path))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw value.mismatch([Any].self, at: codingPath) }
        return UnkeyedTreeContainer(items: items, path: path)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { SingleValueTreeContainer(value: value, path: path) }
}

/// Keys for coding paths: array positions, and "super".
struct TreeCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = "Index \(intValue)"
        self.intValue = intValue
    }

    static let superKey = TreeCodingKey(stringValue: "super")
}

private struct SingleValueTreeContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let path: TreeCodingPath
    var codingPath: [CodingKey] { path.keys }

    func decodeNil() -> Bool { value.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try value.bool(at: path) }
    func decode(_ type: String.Type) throws -> String { try value.string(at: path) }
    func decode(_ type: Double.Type) throws -> Double { try value.double(at: path) }
    func decode(_ type: Float.Type) throws -> Float { try value.float(at: path) }
    func decode(_ type: Int.Type) throws -> Int { try value.integer(type, at: path) }
    func decode(_ type: Int8.Type) throws -> Int8 { try value.integer(type, at: path) }
    func decode(_ type: Int16.Type) throws -> Int16 { try value.integer(type, at: path) }
    func decode(_ type: Int32.Type) throws -> Int32 { try value.integer(type, at: path) }
    func decode(_ type: Int64.Type) throws -> Int64 { try value.integer(type, at: path) }
    func decode(_ type: UInt.Type) throws -> UInt { try value.integer(type, at: path) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try value.integer(type, at: path) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try value.integer(type, at: path) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try value.integer(type, at: path) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try value.integer(type, at: path) }
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value { try Value(from: TreeDecoder(value: value, path: path)) }
}
