/// An array's items in order; a failed decode leaves the position where it was.
struct UnkeyedTreeContainer: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let path: TreeCodingPath
    var codingPath: [CodingKey] { path.keys }
    private(set) var currentIndex = 0

    init(items: [JSONValue], path: TreeCodingPath) {
        self.items = items
        self.path = path
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private var currentPath: TreeCodingPath { path.appending(index: currentIndex) }

    private func current(_ type: Any.Type) throws -> JSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: currentPath.keys, debugDescription: "Unkeyed container is at end"))
        }
        return items[currentIndex]
    }

    /// Decodes the current item and, only if that succeeds, moves past it. `read` gets the
    /// item and its path, worked out only if `read` asks.
    private mutating func next<Value>(_ type: Value.Type, _ read: (JSONValue, () -> TreeCodingPath) throws -> Value) throws -> Value {
        let value = try read(try current(type), { currentPath })
        currentIndex += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard try current(Any?.self).isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type) { try $0.bool(at: $1()) } }
    mutating func decode(_ type: String.Type) throws -> String { try next(type) { try $0.string(at: $1()) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type) { try $0.double(at: $1()) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type) { try $0.float(at: $1()) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type) { try $0.integer(type, at: $1()) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type) { try $0.integer(type, at: $1()) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type) { try $0.integer(type, at: $1()) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type) { try $0.integer(type, at: $1()) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type) { try $0.integer(type, at: $1()) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type) { try $0.integer(type, at: $1()) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type) { try $0.integer(type, at: $1()) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type) { try $0.integer(type, at: $1()) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type) { try $0.integer(type, at: $1()) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type) { try $0.integer(type, at: $1()) } }

    mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try next(type) { try Value(from: TreeDecoder(value: $0, path: $1())) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next(KeyedDecodingContainer<NestedKey>.self) { try TreeDecoder(value: $0, path: $1()).container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        try next(UnkeyedDecodingContainer.self) { try TreeDecoder(value: $0, path: $1()).unkeyedContainer() }
    }

    mutating func superDecoder() throws -> Decoder {
        try next(Decoder.self) { TreeDecoder(value: $0, path: $1()) }
    }
}
