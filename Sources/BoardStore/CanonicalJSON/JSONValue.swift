/// A parsed JSON document, as `JSONParser` leaves it and `TreeDecoder` reads it.
/// Numbers keep their text so each is converted only to the type asked for, as
/// Foundation's decoder does (an integer field never passes through Double unless it must).
enum JSONValue {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in document order, duplicates kept; lookups take the first, as Foundation's
    /// JSONDecoder does.
    case object([JSONMember])
}

struct JSONMember {
    let key: String
    let value: JSONValue
}
