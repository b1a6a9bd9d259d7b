import BoardCore
import Foundation

/// The state as one CSV table per entity. Lists inside a cell are joined with "; ", metrics as
/// "name=value", times as ISO 8601 UTC, booleans as true/false, missing values as empty cells.
public enum CSVExport {
    public static let fileNames = [
        "projects", "stakeholders", "assignments", "models", "versions", "requests", "challenges", "comments",
    ]

    public static func tables(of state: BoardState, comments allComments: [Comment]) -> [(name: String, table: CSVTable)] {
        let export = ExportDocument(state: state, comments: allComments)
        return [
            ("projects", projects(export)), ("stakeholders", stakeholders(export)), ("assignments", assignments(export)),
            ("models", models(export)), ("versions", versions(export)), ("requests", requests(export)),
            ("challenges", challenges(export)), ("comments", comments(export)),
        ]
    }

    static func list(_ items: [String]) -> String { items.joined(separator: "; ") }

    private static func projects(_ export: ExportDocument) -> CSVTable {
        CSVTable(
            headers: ["slug", "name", "description", "goal", "otherGoals", "priorityBasis", "impactAreas", "cadence",
                      "step", "status", "archived", "createdAt", "createdBy", "lastRetrainAt"],
            rows: export.projects.map { project in
                [project.slug, project.name, project.description, project.goal, list(project.otherGoals),
                 project.priorityBasis ?? "", list(project.impactAreas), project.cadence ?? "", project.step,
                 project.status.rawValue, "\(project.archived)", project.createdAt.iso8601, project.createdBy,
                 project.lastRetrainAt.iso8601]
            })
    }

    private static func stakeholders(_ export: ExportDocument) -> CSVTable {
        CSVTable(
            headers: ["handle", "name", "role", "email", "isLead", "approvalStages", "active"],
            rows: export.stakeholders.map { person in
                [person.handle, person.name, person.role, person.email ?? "", "\(person.isLead)",
                 list(person.approvalStages), "\(person.active)"]
            })
    }

    private static func assignments(_ export: ExportDocument) -> CSVTable {
        CSVTable(
            headers: ["project", "step", "stakeholder", "raci"],
            rows: export.assignments.map { [$0.project, $0.step, $0.stakeholder, $0.raci.rawValue] })
    }

    private static func models(_ export: ExportDocument) -> CSVTable {
        CSVTable(
            headers: ["slug", "project", "name", "description", "thresholds", "keyMetric"],
            rows: export.models.map { model in
                [model.slug, model.project, model.name, model.description, list(model.thresholds.map(\.text)),
                 model.keyMetric ?? ""]
            })
    }

    private static func versions(_ export: ExportDocument) -> CSVTable {
        CSVTable(
            headers: ["model", "number", "stage", "metrics", "source", "registeredAt", "registeredBy"],
            rows: export.versions.map { version in
                let metrics = version.metrics.keys.sorted().map { "\($0)=\(MetricThreshold.format(version.metrics[$0] ?? 0))" }
                return [version.ref.model, "\(version.ref.number)", version.stage, list(metrics), version.source,
                        version.registeredAt.iso8601, version.registeredBy]
            })
    }

    private static func requests(_ export: ExportDocument) -> CSVTable {
        CSVTable(
            headers: ["id", "model", "version", "fromStage", "toStage", "reason", "requestedBy", "requestedAt", "status",
                      "approvals", "closedAt", "closedBy", "closingComment"],
            rows: export.requests.map { request in
                let approvals = request.approvals.map { "\($0.by) \($0.at.iso8601)" }
                return [request.id, request.version.model, "\(request.version.number)", request.fromStage, request.toStage,
                        request.reason, request.requestedBy, request.requestedAt.iso8601, request.status.rawValue,
                        list(approvals), request.closedAt?.iso8601 ?? "", request.closedBy ?? "", request.closingComment ?? ""]
            })
    }

    private static func challenges(_ export: ExportDocument) -> CSVTable {
        CSVTable(
            headers: ["id", "project", "category", "severity", "owner", "status", "title", "description", "resolution",
                      "openedAt", "openedBy", "updatedAt"],
            rows: export.challenges.map { challenge in
                [challenge.id, challenge.project ?? "", challenge.category, challenge.severity.rawValue,
                 challenge.owner ?? "", challenge.status.rawValue, challenge.title, challenge.description,
                 challenge.resolution ?? "", challenge.openedAt.iso8601, challenge.openedBy, challenge.updatedAt.iso8601]
            })
    }

    private static func comments(_ export: ExportDocument) -> CSVTable {
        CSVTable(
            headers: ["id", "targetKind", "target", "author", "at", "body"],
            rows: export.comments.map { comment in
                let (kind, target): (String, String) = switch comment.target {
                case .project(let slug): ("project", slug)
                case .version(let ref): ("version", "\(ref.model):\(ref.number)")
                case .request(let id): ("request", id)
                case .challenge(let id): ("challenge", id)
                }
                return [comment.id, kind, target, comment.author, comment.at.iso8601, comment.body]
            })
    }
}
