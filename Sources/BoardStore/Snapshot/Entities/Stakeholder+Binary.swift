import BoardCore

extension Stakeholder: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(handle)
        writer.write(name)
        writer.write(role)
        writer.write(email)
        writer.write(isLead)
        writer.write(approvalStages)
        writer.write(active)
    }

    static func read(from reader: inout BinaryReader) throws -> Stakeholder {
        Stakeholder(
            handle: try reader.read(), name: try reader.read(), role: try reader.read(), email: try reader.read(),
            isLead: try reader.read(), approvalStages: try reader.read(), active: try reader.read())
    }
}
