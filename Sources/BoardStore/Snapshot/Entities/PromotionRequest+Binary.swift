import BoardCore

extension PromotionRequest.Status: BinaryCodable {}

extension PromotionRequest: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(id)
        writer.write(version)
        writer.write(fromStage)
        writer.write(toStage)
        writer.write(reason)
        writer.write(requestedBy)
        writer.write(requestedAt)
        writer.write(status)
        writer.write(approvals)
        writer.write(closedAt)
        writer.write(closedBy)
        writer.write(closingComment)
        writer.write(alias)
    }

    static func read(from reader: inout BinaryReader) throws -> PromotionRequest {
        var request = PromotionRequest(
            id: try reader.read(), version: try reader.read(), fromStage: try reader.read(), toStage: try reader.read(),
            reason: try reader.read(), requestedBy: try reader.read(), requestedAt: try reader.read())
        request.status = try reader.read()
        request.approvals = try reader.read()
        request.closedAt = try reader.read()
        request.closedBy = try reader.read()
        request.closingComment = try reader.read()
        request.alias = try reader.read()
        return request
    }
}

extension Approval: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(by)
        writer.write(at)
        writer.write(comment)
        writer.write(overrideReason)
        writer.write(failedGates)
        writer.write(signature)
    }

    static func read(from reader: inout BinaryReader) throws -> Approval {
        Approval(
            by: try reader.read(), at: try reader.read(), comment: try reader.read(), overrideReason: try reader.read(),
            failedGates: try reader.read(), signature: try reader.read())
    }
}
