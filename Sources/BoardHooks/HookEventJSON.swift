import BoardCore
import Foundation

/// The event as a hook reads it on standard input: one JSON object, the shape
/// `mlboard log --json` prints for each event.
enum HookEventJSON {
    struct Line: Encodable {
        var seq: Int64
        var at: String
        var actor: Actor
        var type: String
        var summary: String
        var event: Event
        var signature: SignatureMark
    }

    static func encode(_ record: EventRecord) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let line = Line(
            seq: record.sequence, at: record.at.iso8601, actor: record.actor, type: record.event.typeName,
            summary: ActivityText.summary(of: record.event), event: record.event, signature: record.signature)
        return try encoder.encode(line) + Data("\n".utf8)
    }
}
