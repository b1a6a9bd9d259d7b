import BoardCore

/// The texts of a row that the filter and search-next look at: one list per kind of row, so
/// both always match the same columns.
enum SearchFields {
    static func of(_ project: ProjectSummary) -> [String] {
        [project.name, project.slug, project.goal, project.step, project.status.rawValue]
    }

    static func of(_ person: Stakeholder) -> [String] { [person.name, person.handle, person.role] }

    static func of(_ version: ModelVersion, project: String) -> [String] { [version.ref.model, project, version.source] }

    static func of(_ challenge: Challenge) -> [String] {
        [challenge.title, challenge.id, challenge.category, challenge.project ?? "org-wide", challenge.severity.rawValue,
         challenge.status.rawValue, challenge.owner ?? ""]
    }

    static func of(_ request: PromotionRequest) -> [String] {
        [request.id, request.version.description, request.target, request.requestedBy, request.reason]
    }

    static func of(_ entry: ActivityEntry) -> [String] { ["#\(entry.sequence)", entry.at.iso8601, entry.actor, entry.summary] }

    /// Whether any of `fields` holds `text`, ignoring case (an empty text matches everything).
    static func match(_ text: String, _ fields: [String]) -> Bool {
        text.isEmpty || fields.contains { $0.localizedCaseInsensitiveContains(text) }
    }
}
