import BoardCore

extension ProjectStatus: BinaryCodable {}

extension Project: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(slug)
        writer.write(name)
        writer.write(description)
        writer.write(goal)
        writer.write(otherGoals)
        writer.write(priorityBasis)
        writer.write(impactAreas)
        writer.write(cadence)
        writer.write(step)
        writer.write(status)
        writer.write(archived)
        writer.write(createdAt)
        writer.write(createdBy)
        writer.write(lastRetrainAt)
    }

    static func read(from reader: inout BinaryReader) throws -> Project {
        Project(
            slug: try reader.read(), name: try reader.read(), description: try reader.read(), goal: try reader.read(),
            otherGoals: try reader.read(), priorityBasis: try reader.read(), impactAreas: try reader.read(),
            cadence: try reader.read(), step: try reader.read(), status: try reader.read(), archived: try reader.read(),
            createdAt: try reader.read(), createdBy: try reader.read(), lastRetrainAt: try reader.read(Instant.self))
    }
}
