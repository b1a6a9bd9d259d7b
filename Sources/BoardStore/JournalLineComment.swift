import BoardCore

extension JournalLine.Body {
    /// A comment's event as written (`{"commented":{"_0":{"at":..,"author":..,"body":..,"id":..,
    /// "target":{"project":{"_0":..}}}}}`), read straight from the tree: comments are most of a
    /// long journal, and their three nested enums and structs through Codable were a third of
    /// replaying one. Nil for anything else, which `Event`'s `Decodable` conformance reads.
    static func writtenComment(_ event: JSONValue) -> Event? {
        guard let fields = onlyMember(of: event, named: "commented").flatMap({ onlyMember(of: $0, named: "_0") }),
              case .object(let members) = fields, members.count == 5,
              members[0].key == "at", members[1].key == "author", members[2].key == "body", members[3].key == "id",
              members[4].key == "target",
              let at = try? members[0].value.integer(Int64.self, at: .root),
              case .string(let author) = members[1].value, case .string(let body) = members[2].value,
              case .string(let id) = members[3].value,
              let target = writtenTarget(members[4].value)
        else { return nil }
        return .commented(Comment(id: id, target: target, author: author, at: Instant(millis: at), body: body))
    }

    /// A project, request or challenge target; a version's (a structure of its own) is left to Codable.
    private static func writtenTarget(_ target: JSONValue) -> CommentTarget? {
        guard case .object(let members) = target, members.count == 1,
              case .string(let name)? = onlyMember(of: members[0].value, named: "_0")
        else { return nil }
        switch members[0].key {
        case "project": return .project(name)
        case "request": return .request(name)
        case "challenge": return .challenge(name)
        default: return nil
        }
    }

    /// The value of an object's one member, when it has just that one.
    private static func onlyMember(of object: JSONValue, named key: String) -> JSONValue? {
        guard case .object(let members) = object, members.count == 1, members[0].key == key else { return nil }
        return members[0].value
    }
}
