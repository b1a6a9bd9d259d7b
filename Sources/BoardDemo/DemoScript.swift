import BoardCore

/// Collects the demo's commands phase by phase and gives each a time.
///
/// Commands are appended in the order they will run; `endPhase` spreads the phase's commands
/// over the working hours of a window of days after `DemoWorkspace.start`, with seeded jitter.
/// The builder predicts the ids the core will hand out (PR-n, CH-n, version numbers) by
/// counting, which holds because every step must be accepted.
struct DemoScript {
    private(set) var steps: [DemoStep] = []
    private var pending: [(handle: String, command: Command)] = []
    private var osUsers: [String: String] = [:]
    private var timing: SplitMix64
    private var phaseEnd: Int64 = 0

    private var requestCount = 0
    private var challengeCount = 0
    private var versionNumbers: [String: Int] = [:]
    private(set) var projectSteps: [String: Int] = [:]
    /// The RACI matrix as the script has built it so far.
    private(set) var assignments: [AssignmentKey: RACI] = [:]
    /// Ids of named requests and challenges, for later steps that refer to them.
    private(set) var requestIDs: [String: String] = [:]
    private(set) var challengeIDs: [String: String] = [:]

    let lifecycle: [String]

    init(seed: UInt64, lifecycle: [String]) {
        timing = SplitMix64(seed: seed)
        self.lifecycle = lifecycle
    }

    // MARK: Phases

    /// Gives the commands collected since the last phase their times, within `from` to `to`
    /// days after the start: spread over the working hours in between (weekdays 08:00 to 18:00
    /// UTC) with uneven gaps, the first at the start of the first working hour, the last at the
    /// end of the last (exactly `to` when `to` falls in working hours). Phases must come in time order.
    mutating func endPhase(from: Double, to: Double) {
        guard !pending.isEmpty else { return }
        let startMillis = DemoScript.millis(afterDays: from)
        let endMillis = DemoScript.millis(afterDays: to)
        precondition(startMillis >= phaseEnd && endMillis >= startMillis, "demo phases must not overlap")
        let office = WorkingHours(from: startMillis, to: endMillis)
        let gaps = (1..<max(pending.count, 2)).map { _ in 0.4 + 1.2 * timing.unit() }
        let total = gaps.reduce(0, +)
        var cumulative = 0.0
        var cursor = WorkingHours.Cursor()
        steps.reserveCapacity(steps.count + pending.count)
        for (index, item) in pending.enumerated() {
            let fraction = index == pending.count - 1 ? 1 : cumulative / total
            var at = office.moment(atFraction: fraction, cursor: &cursor)
            at -= at % 1000
            if index < gaps.count { cumulative += gaps[index] }
            steps.append(DemoStep(actor: actor(item.handle), at: Instant(millis: at), command: item.command))
        }
        pending.removeAll(keepingCapacity: true)
        phaseEnd = endMillis
    }

    static func millis(afterDays days: Double) -> Int64 {
        DemoWorkspace.start.millis + Int64((days * 86_400).rounded()) * 1000
    }

    func actor(_ handle: String) -> Actor {
        Actor(handle: handle, osUser: osUsers[handle] ?? handle)
    }

    // MARK: Commands

    mutating func run(_ handle: String, _ command: Command) {
        pending.append((handle, command))
    }

    mutating func addStakeholder(by lead: String, _ person: Stakeholder, osUser: String) {
        osUsers[person.handle] = osUser
        run(lead, .addStakeholder(person))
    }

    mutating func createProject(by handle: String, _ project: NewProject) {
        projectSteps[project.slug] = project.step.flatMap(lifecycle.firstIndex(of:)) ?? 0
        run(handle, .createProject(project))
    }

    /// Moves a project one lifecycle step at a time up to step number `target` (0-based).
    mutating func advance(_ project: String, to target: Int, by handle: String) {
        var current = projectSteps[project] ?? 0
        while current < target {
            current += 1
            run(handle, .setProjectStep(slug: project, step: lifecycle[current]))
        }
        projectSteps[project] = current
    }

    mutating func assign(by lead: String, _ project: String, _ step: String, _ handle: String, _ raci: RACI) {
        let key = AssignmentKey(project: project, step: step, stakeholder: handle)
        guard assignments[key] == nil else { return }
        assignments[key] = raci
        run(lead, .assign(project: project, step: step, stakeholder: handle, raci: raci))
    }

    mutating func unassign(by lead: String, _ key: AssignmentKey) {
        assignments[key] = nil
        run(lead, .unassign(project: key.project, step: key.step, stakeholder: key.stakeholder))
    }

    @discardableResult
    mutating func registerVersion(by handle: String, _ model: String, _ metrics: [String: Double], source: String) -> VersionRef {
        let number = (versionNumbers[model] ?? 0) + 1
        versionNumbers[model] = number
        let lineage = Self.lineage(model: model, number: number, source: source)
        run(handle, .registerVersion(model: model, metrics: metrics, source: source, lineage: lineage))
        return VersionRef(model: model, number: number)
    }

    /// Lineage made up from the version alone, so the demo's random draws stay as they were:
    /// the run or commit the source names, and a training snapshot.
    static func lineage(model: String, number: Int, source: String) -> VersionLineage {
        var lineage = VersionLineage(
            dataset: "\(model)-training-v\(number)", tags: ["framework": model.split(separator: "-").last.map(String.init) ?? model])
        if source.hasPrefix("git:") {
            lineage.codeCommit = String(source.dropFirst(4))
        } else if source.hasPrefix("mlflow:runs/") {
            let run = String(source.dropFirst("mlflow:runs/".count))
            lineage.runID = run
            lineage.sourceURI = "runs:/\(run)/model"
        } else {
            lineage.sourceURI = source
        }
        return lineage
    }

    @discardableResult
    mutating func request(
        by handle: String, _ version: VersionRef, to stage: String, reason: String, key: String? = nil
    ) -> String {
        requestCount += 1
        let id = "PR-\(requestCount)"
        if let key { requestIDs[key] = id }
        run(handle, .requestPromotion(version: version, to: stage, reason: reason))
        return id
    }

    mutating func approve(by handle: String, _ request: String, comment: String? = nil, override: String? = nil) {
        run(handle, .approve(request: request, comment: comment, overrideReason: override))
    }

    /// Requests a promotion and has `approvers` approve it in turn.
    @discardableResult
    mutating func promote(
        _ version: VersionRef, to stage: String, requestedBy: String, reason: String, approvers: [String],
        comments: [String?] = []
    ) -> String {
        let id = request(by: requestedBy, version, to: stage, reason: reason)
        for (index, approver) in approvers.enumerated() {
            approve(by: approver, id, comment: index < comments.count ? comments[index] : nil)
        }
        return id
    }

    @discardableResult
    mutating func openChallenge(by handle: String, _ challenge: NewChallenge, key: String? = nil) -> String {
        challengeCount += 1
        let id = "CH-\(challengeCount)"
        if let key { challengeIDs[key] = id }
        run(handle, .openChallenge(challenge))
        return id
    }

    /// Moves a challenge from open to `target` along the usual path, the closing move with `note`.
    mutating func settle(_ id: String, to target: ChallengeStatus, by handle: String, note: String?) {
        switch target {
        case .open:
            return
        case .inProgress:
            run(handle, .moveChallenge(id: id, to: .inProgress, note: note))
        case .mitigated, .resolved:
            run(handle, .moveChallenge(id: id, to: .inProgress, note: nil))
            run(handle, .moveChallenge(id: id, to: target, note: note))
        case .wontFix:
            run(handle, .moveChallenge(id: id, to: .wontFix, note: note))
        }
    }

    mutating func comment(by handle: String, on target: CommentTarget, _ body: String) {
        run(handle, .comment(on: target, body: body))
    }
}
