extension Decider {
    func comment(_ target: CommentTarget, _ body: String) throws -> [Event] {
        try requireActor()
        switch target {
        case .project(let slug): _ = try project(slug)
        case .version(let ref): _ = try version(ref)
        case .request(let id): _ = try request(id)
        case .challenge(let id): _ = try challenge(id)
        }
        try Validate.longText(body, field: "comment", required: true)
        let comment = Comment(
            id: "CM-\(state.counters.comments + 1)", target: target, author: actor.handle, at: now, body: body)
        return [.commented(comment)]
    }
}
