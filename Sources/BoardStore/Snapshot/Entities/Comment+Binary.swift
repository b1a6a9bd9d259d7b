import BoardCore

extension CommentTarget: BinaryCodable {
    private enum Tag: UInt8 {
        case project = 0, version, request, challenge
    }

    func write(to writer: inout BinaryWriter) {
        switch self {
        case .project(let slug):
            writer.writeByte(Tag.project.rawValue)
            writer.write(slug)
        case .version(let ref):
            writer.writeByte(Tag.version.rawValue)
            writer.write(ref)
        case .request(let id):
            writer.writeByte(Tag.request.rawValue)
            writer.write(id)
        case .challenge(let id):
            writer.writeByte(Tag.challenge.rawValue)
            writer.write(id)
        }
    }

    static func read(from reader: inout BinaryReader) throws -> CommentTarget {
        let start = reader.offset
        switch Tag(rawValue: try reader.readByte()) {
        case .project: return .project(try reader.read())
        case .version: return .version(try reader.read())
        case .request: return .request(try reader.read())
        case .challenge: return .challenge(try reader.read())
        case nil: throw BinaryDecodingError.badEnumValue(type: "CommentTarget", at: start)
        }
    }
}

extension Comment: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(id)
        writer.write(target)
        writer.write(author)
        writer.write(at)
        writer.write(body)
    }

    static func read(from reader: inout BinaryReader) throws -> Comment {
        Comment(id: try reader.read(), target: try reader.read(), author: try reader.read(), at: try reader.read(), body: try reader.read())
    }
}
