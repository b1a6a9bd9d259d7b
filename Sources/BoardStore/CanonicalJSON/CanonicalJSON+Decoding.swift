/// The read side of `CanonicalJSON`: decodes what JSONDecoder decodes, to the same values,
/// several times faster (a test compares both on every event of the demo and on mutated lines).
extension CanonicalJSON {
    static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws -> Value {
        let tree: JSONValue
        do {
            tree = try JSONParser.parse(bytes)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "The given data was not valid JSON: \(error)", underlyingError: error))
        }
        return try Value(from: TreeDecoder(value: tree, path: .root))
    }
}
