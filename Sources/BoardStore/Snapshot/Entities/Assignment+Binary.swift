import BoardCore

extension RACI: BinaryCodable {}

extension Assignment: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(project)
        writer.write(step)
        writer.write(stakeholder)
        writer.write(raci)
    }

    static func read(from reader: inout BinaryReader) throws -> Assignment {
        Assignment(project: try reader.read(), step: try reader.read(), stakeholder: try reader.read(), raci: try reader.read())
    }
}

extension AssignmentKey: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(project)
        writer.write(step)
        writer.write(stakeholder)
    }

    static func read(from reader: inout BinaryReader) throws -> AssignmentKey {
        AssignmentKey(project: try reader.read(), step: try reader.read(), stakeholder: try reader.read())
    }
}
