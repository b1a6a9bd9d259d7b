/// The `Encoder` behind `CanonicalJSON`: each value leaves one `JSONNode`.
final class NodeEncoder: Encoder {
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var node: JSONNode?

    init(codingPath: [CodingKey]) { self.codingPath = codingPath }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object(let box) = node { return KeyedEncodingContainer(KeyedNodeContainer(box: box, codingPath: codingPath)) }
        let box = ObjectBox()
        node = .object(box)
        return KeyedEncodingContainer(KeyedNodeContainer(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .array(let box) = node { return UnkeyedNodeContainer(box: box, codingPath: codingPath) }
        let box = ArrayBox()
        node = .array(box)
        return UnkeyedNodeContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleValueNodeContainer(encoder: self) }

    /// The node for a nested value, encoded by its own conformance.
    static func node<Value: Encodable>(for value: Value, at codingPath: [CodingKey]) throws -> JSONNode {
        let encoder = NodeEncoder(codingPath: codingPath)
        try value.encode(to: encoder)
        return encoder.node ?? .object(ObjectBox())
    }
}

private let nullBytes = Array("null".utf8)
private let trueBytes = Array("true".utf8)
private let falseBytes = Array("false".utf8)
private var nullLiteral: JSONNode { .literal(nullBytes) }
private var trueLiteral: JSONNode { .literal(trueBytes) }
private var falseLiteral: JSONNode { .literal(falseBytes) }

private func integerLiteral<Integer: BinaryInteger>(_ value: Integer) -> JSONNode { .literal(Array(value.description.utf8)) }

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: ObjectBox
    let codingPath: [CodingKey]

    private func put(_ node: JSONNode, _ key: Key) { box.members.append((key.stringValue, node)) }

    mutating func encodeNil(forKey key: Key) throws { put(nullLiteral, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(value ? trueLiteral : falseLiteral, key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(try CanonicalJSON.doubleLiteral(value, codingPath: codingPath + [key]), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(try CanonicalJSON.doubleLiteral(value, codingPath: codingPath + [key]), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(integerLiteral(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(integerLiteral(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(integerLiteral(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(integerLiteral(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(integerLiteral(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(integerLiteral(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(integerLiteral(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(integerLiteral(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(integerLiteral(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(integerLiteral(value), key) }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        put(try NodeEncoder.node(for: value, at: codingPath + [key]), key)
    }

    /// Asked twice for one key, both containers fill the same object, as with Foundation.
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested: ObjectBox
        if case .object(let existing) = box.members.last(where: { $0.key == key.stringValue })?.value {
            nested = existing
        } else {
            nested = ObjectBox()
            put(.object(nested), key)
        }
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(box: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let nested: ArrayBox
        if case .array(let existing) = box.members.last(where: { $0.key == key.stringValue })?.value {
            nested = existing
        } else {
            nested = ArrayBox()
            put(.array(nested), key)
        }
        return UnkeyedNodeContainer(box: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> Encoder { deferredEncoder(key: "super", codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> Encoder { deferredEncoder(key: key.stringValue, codingPath: codingPath + [key]) }

    private func deferredEncoder(key: String, codingPath: [CodingKey]) -> Encoder {
        let encoder = NodeEncoder(codingPath: codingPath)
        box.members.append((key, .deferred(encoder)))
        return encoder
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let box: ArrayBox
    let codingPath: [CodingKey]
    var count: Int { box.items.count }

    mutating func encodeNil() throws { box.items.append(nullLiteral) }
    mutating func encode(_ value: Bool) throws { box.items.append(value ? trueLiteral : falseLiteral) }
    mutating func encode(_ value: String) throws { box.items.append(.string(value)) }
    mutating func encode(_ value: Double) throws { box.items.append(try CanonicalJSON.doubleLiteral(value, codingPath: codingPath)) }
    mutating func encode(_ value: Int) throws { box.items.append(integerLiteral(value)) }
    mutating func encode(_ value: Int64) throws { box.items.append(integerLiteral(value)) }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        box.items.append(try NodeEncoder.node(for: value, at: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBox()
        box.items.append(.object(nested))
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(box: nested, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let nested = ArrayBox()
        box.items.append(.array(nested))
        return UnkeyedNodeContainer(box: nested, codingPath: codingPath)
    }

    mutating func superEncoder() -> Encoder {
        let encoder = NodeEncoder(codingPath: codingPath)
        box.items.append(.deferred(encoder))
        return encoder
    }
}

private struct SingleValueNodeContainer: SingleValueEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.node = nullLiteral }
    mutating func encode(_ value: Bool) throws { encoder.node = value ? trueLiteral : falseLiteral }
    mutating func encode(_ value: String) throws { encoder.node = .string(value) }
    mutating func encode(_ value: Double) throws { encoder.node = try CanonicalJSON.doubleLiteral(value, codingPath: codingPath) }
    mutating func encode(_ value: Float) throws { encoder.node = try CanonicalJSON.doubleLiteral(value, codingPath: codingPath) }
    mutating func encode(_ value: Int) throws { encoder.node = integerLiteral(value) }
    mutating func encode(_ value: Int8) throws { encoder.node = integerLiteral(value) }
    mutating func encode(_ value: Int16) throws { encoder.node = integerLiteral(value) }
    mutating func encode(_ value: Int32) throws { encoder.node = integerLiteral(value) }
    mutating func encode(_ value: Int64) throws { encoder.node = integerLiteral(value) }
    mutating func encode(_ value: UInt) throws { encoder.node = integerLiteral(value) }
    mutating func encode(_ value: UInt8) throws { encoder.node = integerLiteral(value) }
    mutating func encode(_ value: UInt16) throws { encoder.node = integerLiteral(value) }
    mutating func encode(_ value: UInt32) throws { encoder.node = integerLiteral(value) }
    mutating func encode(_ value: UInt64) throws { encoder.node = integerLiteral(value) }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        encoder.node = try NodeEncoder.node(for: value, at: codingPath)
    }
}
