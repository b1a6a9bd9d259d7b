/// How much one stakeholder carries.
public struct Workload: Equatable, Sendable {
    public var handle: String
    public var assignmentsByRACI: [RACI: Int]
    public var projects: Int
    public var openChallengesOwned: Int
    /// Open requests this person may still approve.
    public var reviewsWaiting: Int

    public var totalAssignments: Int { assignmentsByRACI.values.reduce(0, +) }
}

extension BoardState {
    public func workload(of handle: String) -> Workload {
        let own = assignments.values.filter { $0.stakeholder == handle }
        var byRACI: [RACI: Int] = [:]
        for assignment in own { byRACI[assignment.raci, default: 0] += 1 }
        let owned = challenges.values.filter { $0.owner == handle && $0.status.isOpen }.count
        return Workload(
            handle: handle, assignmentsByRACI: byRACI, projects: Set(own.map(\.project)).count,
            openChallengesOwned: owned, reviewsWaiting: requestsAwaiting(handle).count)
    }

    /// Open requests `handle` may act on: has the right, did not request it, has not approved it yet.
    public func requestsAwaiting(_ handle: String) -> [PromotionRequest] {
        guard let person = activeStakeholder(handle) else { return [] }
        return requests.values.filter { request in
            request.isOpen && person.mayApprove(to: request.toStage) && request.requestedBy != handle
                && !request.approvals.contains { $0.by == handle }
        }.sorted { $0.requestedAt == $1.requestedAt ? $0.id < $1.id : $0.requestedAt < $1.requestedAt }
    }

    public var openRequests: [PromotionRequest] {
        requests.values.filter(\.isOpen).map { (IdNumber.of($0.id), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The team of a project, step by step in lifecycle order.
    public func team(of project: String) -> [(step: String, members: [Assignment])] {
        let own = assignments(of: project)
        return config.lifecycleSteps.compactMap { step in
            let members = own.filter { $0.step == step }.sorted {
                ($0.raci.sortOrder, $0.stakeholder) < ($1.raci.sortOrder, $1.stakeholder)
            }
            return members.isEmpty ? nil : (step, members)
        }
    }
}

extension RACI {
    var sortOrder: Int { RACI.allCases.firstIndex(of: self) ?? 0 }
}
