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
        writer.write(lineage)
    }

    static func read(from reader: inout BinaryReader) throws -> ModelVersion {
        ModelVersion(
            ref: try reader.read(), metrics: try reader.read(), source: try reader.read(), stage: try reader.read(),
            registeredAt: try reader.read(), registeredBy: try reader.read(), lineage: try reader.read())
    }
}

extension VersionLineage: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(sourceURI)
        writer.write(runID)
        writer.write(codeCommit)
        writer.write(dataset)
        writer.write(tags)
    }

    static func read(from reader: inout BinaryReader) throws -> VersionLineage {
        VersionLineage(
            sourceURI: try reader.read(), runID: try reader.read(), codeCommit: try reader.read(),
            dataset: try reader.read(), tags: try reader.read())
    }
}

extension AliasMove: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(model)
        writer.write(alias)
        writer.write(from)
        writer.write(to)
        writer.write(at)
        writer.write(by)
        writer.write(reason)
        writer.write(request)
        writer.write(sequence)
    }

    static func read(from reader: inout BinaryReader) throws -> AliasMove {
        AliasMove(
            model: try reader.read(), alias: try reader.read(), from: try reader.read(), to: try reader.read(),
            at: try reader.read(), by: try reader.read(), reason: try reader.read(), request: try reader.read(),
            sequence: try reader.read())
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
