import BoardCore
import Foundation

/// The shape of `mlboard status --json`. Field names are part of the interface; add, never rename.
struct StatusReport: Encodable {
    struct ProjectLine: Encodable {
        var slug: String
        var name: String
        var goal: String
        var step: String
        var stepNumber: Int
        var stepCount: Int
        var status: String
        var versionsByStage: [String: Int]
        var openChallenges: Int
        var pendingRequests: Int
        var daysOverdue: Int?
    }

    struct RequestLine: Encodable {
        var id: String
        var version: String
        var from: String
        var to: String
        /// Set for a request that moves an alias within stage `to`.
        var alias: String?
        var requestedBy: String
        var approvals: Int
        var approvalsNeeded: Int
        var ageDays: Int
        var youMayApprove: Bool
    }

    var workspace: String
    var you: String
    var lastSequence: Int64
    var projects: [ProjectLine]
    var modelsInProduction: Int
    var models: Int
    var pendingRequests: [RequestLine]
    var overdueProjects: [String]
    var openChallengesBySeverity: [String: Int]
    var openChallengesByCategory: [String: Int]

    init(state: BoardState, you: String, now: Instant) {
        workspace = state.config.name
        self.you = you
        lastSequence = state.lastSequence
        projects = state.liveSummaries(now: now).sorted { $0.slug < $1.slug }.map { summary in
                ProjectLine(
                    slug: summary.slug, name: summary.name, goal: summary.goal, step: summary.step,
                    stepNumber: summary.stepNumber, stepCount: summary.stepCount, status: summary.status.rawValue,
                    versionsByStage: summary.versionsByStage, openChallenges: summary.openChallenges,
                    pendingRequests: summary.pendingRequests, daysOverdue: summary.daysOverdue)
        }
        let share = state.productionShare
        modelsInProduction = share.inProduction
        models = share.total
        let mine = Set(state.requestsAwaiting(you).map(\.id))
        pendingRequests = state.openRequests.map { request in
            RequestLine(
                id: request.id, version: request.version.description, from: request.fromStage, to: request.toStage,
                alias: request.alias, requestedBy: request.requestedBy, approvals: state.countedApprovers(of: request).count,
                approvalsNeeded: state.config.approvalsRequired(for: request.toStage),
                ageDays: now.days(since: request.requestedAt), youMayApprove: mine.contains(request.id))
        }.sorted { ($0.youMayApprove ? 0 : 1, $0.id) < ($1.youMayApprove ? 0 : 1, $1.id) }
        overdueProjects = state.overdueProjects(now: now).map(\.slug)
        openChallengesBySeverity = Dictionary(uniqueKeysWithValues: state.openChallengesBySeverity.map { ($0.key.rawValue, $0.value) })
        openChallengesByCategory = Dictionary(uniqueKeysWithValues: state.openChallengesByCategory.map { ($0.category, $0.count) })
    }

    var text: String {
        var lines = ["\(workspace) — you are \(you) — \(lastSequence) events", ""]
        lines.append("Projects")
        for project in projects {
            let overdue = project.daysOverdue.map { ", retraining overdue by \($0) d" } ?? ""
            lines.append("  \(project.slug.padding(24)) step \(project.stepNumber)/\(project.stepCount) \(project.step)"
                + " · \(project.openChallenges) open challenges · \(project.pendingRequests) pending\(overdue)")
        }
        lines.append("")
        lines.append("Models with a version in production: \(modelsInProduction) of \(models)")
        lines.append("Pending approvals: \(pendingRequests.count)")
        for request in pendingRequests {
            let mark = request.youMayApprove ? "*" : " "
            lines.append("  \(mark) \(request.id.padding(6)) \(request.version) \(request.from) -> \(request.to)"
                + " by \(request.requestedBy), \(request.approvals)/\(request.approvalsNeeded) approvals, \(request.ageDays) d old")
        }
        lines.append("Overdue retraining: \(overdueProjects.isEmpty ? "none" : overdueProjects.joined(separator: ", "))")
        let severities = Severity.allCases.reversed().map { "\($0.rawValue) \(openChallengesBySeverity[$0.rawValue] ?? 0)" }
        lines.append("Open challenges: \(severities.joined(separator: " · "))")
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// Pads with spaces to `width` characters, for plain-text tables.
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
