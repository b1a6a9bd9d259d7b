import BoardCore

extension VersionRef: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(model)
        writer.write(number)
    }

    static func read(from reader: inout BinaryReader) throws -> VersionRef {
        VersionRef(model: try reader.read(), number: try reader.read())
    }
}

extension ModelVersion: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(ref)
        writer.write(metrics)
        writer.write(source)
        writer.write(stage)
        writer.write(registeredAt)
        writer.write(registeredBy)
    }

    static func read(from reader: inout BinaryReader) throws -> ModelVersion {
        ModelVersion(
            ref: try reader.read(), metrics: try reader.read(), source: try reader.read(), stage: try reader.read(),
            registeredAt: try reader.read(), registeredBy: try reader.read())
    }
}

extension StageMove: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(version)
        writer.write(from)
        writer.write(to)
        writer.write(at)
        writer.write(by)
        writer.write(reason)
        writer.write(request)
    }

    static func read(from reader: inout BinaryReader) throws -> StageMove {
        StageMove(
            version: try reader.read(), from: try reader.read(), to: try reader.read(), at: try reader.read(),
            by: try reader.read(), reason: try reader.read(), request: try reader.read())
    }
}
