import Foundation

/// One line of `mlboard log --json`: what the test checks of it.
struct LoggedEvent: Decodable, CustomStringConvertible {
    struct Actor: Decodable {
        let handle: String
    }

    let seq: Int64
    let actor: Actor
    let type: String

    init(json: String) throws {
        self = try JSONDecoder().decode(LoggedEvent.self, from: Data(json.utf8))
    }

    /// "who type", e.g. "bob approvalRecorded".
    var entry: String { "\(actor.handle) \(type)" }

    var description: String { "#\(seq) \(entry)" }
}
