import BoardCore
import Foundation

/// A record as scripts read it: one JSON object with sorted keys, the shape `mlboard log --json`
/// prints and hooks receive on standard input. Fields are added, never renamed.
public enum RecordJSON {
    struct Line: Encodable {
        var seq: Int64
        var at: String
        var actor: Actor
        var type: String
        var summary: String
        var event: Event
        var signature: SignatureMark
    }

    /// The object for `record`, without a newline.
    public static func encode(_ record: EventRecord) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Line(
            seq: record.sequence, at: record.at.iso8601, actor: record.actor, type: record.event.typeName,
            summary: ActivityText.summary(of: record.event), event: record.event, signature: record.signature))
    }
}
