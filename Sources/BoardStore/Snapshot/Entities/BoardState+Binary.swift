import BoardCore

extension BoardState: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(config)
        writer.write(projects)
        writer.write(stakeholders)
        writer.write(assignments)
        writer.write(models)
        writer.write(versions)
        writer.write(requests)
        writer.write(challenges)
        writer.write(stageMoves)
        writer.write(aliasMoves)
        writer.write(bridgeSyncs)
        writer.write(activity)
        writer.write(counters)
        writer.write(signing)
        writer.write(lastSequence)
    }

    static func read(from reader: inout BinaryReader) throws -> BoardState {
        var state = BoardState(config: try reader.read())
        state.projects = try reader.read()
        state.stakeholders = try reader.read()
        state.assignments = try reader.read()
        state.models = try reader.read()
        state.versions = try reader.read()
        state.requests = try reader.read()
        state.challenges = try reader.read()
        state.stageMoves = try reader.read()
        state.aliasMoves = try reader.read()
        state.bridgeSyncs = try reader.read()
        state.activity = try reader.read()
        state.counters = try reader.read()
        state.signing = try reader.read()
        state.lastSequence = try reader.read()
        return state
    }
}

extension IdCounters: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(requests)
        writer.write(challenges)
        writer.write(comments)
    }

    static func read(from reader: inout BinaryReader) throws -> IdCounters {
        var counters = IdCounters()
        counters.requests = try reader.read()
        counters.challenges = try reader.read()
        counters.comments = try reader.read()
        return counters
    }
}

extension ActivityEntry: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(sequence)
        writer.write(at)
        writer.write(actor)
        writer.write(summary)
        writer.write(signature)
    }

    static func read(from reader: inout BinaryReader) throws -> ActivityEntry {
        ActivityEntry(
            sequence: try reader.read(), at: try reader.read(), actor: try reader.read(), summary: try reader.read(),
            signature: try reader.read())
    }
}
