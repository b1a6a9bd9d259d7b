import BoardCore

extension Severity: BinaryCodable {}
extension ChallengeStatus: BinaryCodable {}

extension Challenge: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(id)
        writer.write(project)
        writer.write(category)
        writer.write(severity)
        writer.write(owner)
        writer.write(title)
        writer.write(description)
        writer.write(openedAt)
        writer.write(openedBy)
        writer.write(status)
        writer.write(resolution)
        writer.write(updatedAt)
    }

    static func read(from reader: inout BinaryReader) throws -> Challenge {
        var challenge = Challenge(
            id: try reader.read(), project: try reader.read(), category: try reader.read(), severity: try reader.read(),
            owner: try reader.read(), title: try reader.read(), description: try reader.read(), openedAt: try reader.read(),
            openedBy: try reader.read())
        challenge.status = try reader.read()
        challenge.resolution = try reader.read()
        challenge.updatedAt = try reader.read()
        return challenge
    }
}
