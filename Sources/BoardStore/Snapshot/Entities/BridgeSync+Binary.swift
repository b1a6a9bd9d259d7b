import BoardCore

extension BridgeSync: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(bridge)
        writer.write(target)
        writer.write(pulled)
        writer.write(pushed)
        writer.write(at)
        writer.write(by)
        writer.write(sequence)
    }

    static func read(from reader: inout BinaryReader) throws -> BridgeSync {
        BridgeSync(
            bridge: try reader.read(), target: try reader.read(), pulled: try reader.read(), pushed: try reader.read(),
            at: try reader.read(), by: try reader.read(), sequence: try reader.read())
    }
}
