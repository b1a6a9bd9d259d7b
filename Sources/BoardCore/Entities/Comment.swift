/// What a comment is attached to.
public enum CommentTarget: Codable, Hashable, Sendable, CustomStringConvertible {
    case project(String)
    case version(VersionRef)
    case request(String)
    case challenge(String)

    public var description: String {
        switch self {
        case .project(let slug): "project \(slug)"
        case .version(let ref): "version \(ref)"
        case .request(let id): "request \(id)"
        case .challenge(let id): "challenge \(id)"
        }
    }
}

public struct Comment: Codable, Equatable, Sendable {
    public var id: String
    public var target: CommentTarget
    public var author: String
    public var at: Instant
    public var body: String

    public init(id: String, target: CommentTarget, author: String, at: Instant, body: String) {
        self.id = id
        self.target = target
        self.author = author
        self.at = at
        self.body = body
    }
}

extension Comment {
    /// The order a thread is shown in: oldest first, then by id.
    public static func threadOrder(_ a: Comment, _ b: Comment) -> Bool {
        a.at == b.at ? a.id < b.id : a.at < b.at
    }
}

extension EventRecord {
    /// The comment this record adds, if it adds one.
    public var comment: Comment? {
        if case .commented(let comment) = event { return comment }
        return nil
    }
}
