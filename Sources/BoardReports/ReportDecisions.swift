import BoardCore

/// A recorded governance decision: a stage move, an approval or a rejection.
struct ReportDecision {
    var at: Instant
    var by: String
    var what: String
    /// Keeps decisions made in the same millisecond in a fixed order: a stage move comes after
    /// the approval that caused it.
    var order: Int
}

enum ReportDecisions {
    /// A project's decisions, newest first.
    static func of(project slug: String, in state: BoardState) -> [ReportDecision] {
        let models = Set(state.models(of: slug).map(\.slug))
        var found: [ReportDecision] = []
        for (index, move) in state.stageMoves.enumerated() where models.contains(move.version.model) {
            let via = move.request.map { " (\($0))" } ?? ""
            found.append(ReportDecision(
                at: move.at, by: move.by, what: "moved \(move.version) \(move.from) → \(move.to)\(via): \(move.reason)",
                order: 1_000_000 + index))
        }
        let requests = state.requests.values.filter { models.contains($0.version.model) }
            .sorted { IdNumber.of($0.id) < IdNumber.of($1.id) }
        for request in requests {
            let move = "\(request.id) \(request.version) → \(request.target)"
            for approval in request.approvals {
                var what = "approved \(move)"
                if let comment = approval.comment, !comment.isEmpty { what += ": \(comment)" }
                if let reason = approval.overrideReason {
                    what += " (overrode \(approval.failedGates.joined(separator: "; ")): \(reason))"
                }
                switch approval.signature {
                case .verified(let fingerprint): what += " · signed with \(fingerprint)"
                case .bad(let reason): what += " · BAD signature, not counted: \(reason)"
                case .unsigned, nil: break
                }
                found.append(ReportDecision(at: approval.at, by: approval.by, what: what, order: found.count))
            }
            if request.status == .rejected, let at = request.closedAt, let by = request.closedBy {
                found.append(ReportDecision(
                    at: at, by: by, what: "rejected \(move): \(request.closingComment ?? "")", order: found.count))
            }
        }
        return found.sorted { $0.at == $1.at ? $0.order > $1.order : $0.at > $1.at }
    }
}
