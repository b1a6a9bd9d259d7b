import BoardCore
import PropertyBased

/// One random step of a session: who acts, what they try, with which small numbers
/// choosing the ids and values, and how long after the previous step.
struct RandomStep: Sendable, CustomStringConvertible {
    var actor: Int
    var kind: Int
    var a: Int
    var b: Int
    var c: Int
    var gapMillis: Int

    var description: String { "(\(actor) \(kind) \(a) \(b) \(c) +\(gapMillis)ms)" }

    static let generator = zip(
        Gen.int(in: 0...99), Gen.int(in: 0...99), Gen.int(in: 0...99), Gen.int(in: 0...99), Gen.int(in: 0...99),
        Gen.int(in: 1...(3 * 86_400_000))
    ).map { RandomStep(actor: $0.0, kind: $0.1, a: $0.2, b: $0.3, c: $0.4, gapMillis: $0.5) }
}

/// Turns random steps into commands drawn from a small fixed pool of ids, so that many
/// commands meet an existing entity (and are accepted) and many do not (and are refused).
/// The pool matches `TestBoard.standard()`, which the sessions start from.
struct CommandPool {
    let config: WorkspaceConfig

    static let handles = [Fixture.lead, Fixture.engineer, Fixture.officer, Fixture.scientist, "eve", "ghost"]
    static let projects = [Fixture.project, Fixture.project, Fixture.otherProject, "vision", "Bad Slug"]
    static let models = [Fixture.model, Fixture.model, "fraud-nn", "vision-cnn"]
    static let metrics = [Fixture.passingMetrics, Fixture.failingMetrics, Fixture.betterMetrics, [:]]
    static let names = ["Renamed", "Bad labels", "Drift", "", "two\nlines", "Model \u{1B}[1m"]
    static let texts = ["fine", "line one\nline two", "because", "", "bell \u{07}"]

    private func pick<T>(_ list: [T], _ index: Int) -> T { list[index % list.count] }

    /// Mostly the standard team, sometimes someone added later (eve) or nobody at all (ghost).
    private static let actors = Array(repeating: [Fixture.lead, Fixture.engineer, Fixture.officer, Fixture.scientist], count: 3)
        .flatMap { $0 } + ["eve", "ghost"]

    /// Reviews and rollbacks come mostly from people who hold approval rights.
    private static let reviewers = [Fixture.lead, Fixture.engineer, Fixture.officer, Fixture.lead, Fixture.engineer,
                                    Fixture.officer, Fixture.scientist, "ghost"]

    /// Team management comes mostly from the lead, who alone may do most of it.
    private static let managers = [Fixture.lead, Fixture.lead, Fixture.lead, Fixture.engineer, Fixture.scientist, "ghost"]

    /// Who acts in `step`, and what they try.
    func next(_ step: RandomStep, in state: BoardState) -> (actor: String, command: Command) {
        let command = command(for: step, in: state)
        switch command {
        case .approve, .reject, .rollback: return (pick(Self.reviewers, step.actor), command)
        case .assign, .unassign, .addStakeholder, .setApprovalRights, .deactivateStakeholder, .archiveProject:
            return (pick(Self.managers, step.actor), command)
        default: return (pick(Self.actors, step.actor), command)
        }
    }

    /// Weighted so that requests and approvals, which need several steps to line up, come often.
    private static let kinds: [Int] = Array(0...22) + [14, 14, 14, 14, 14, 15, 15, 15, 15, 15, 15, 15, 15, 12, 12, 18, 18, 19, 21, 9, 9, 9]

    /// The command for `step`. Requests and reviews mostly aim at what `state` holds (the next
    /// stage of a version, an open request), since random ids alone rarely line up a quorum.
    private func command(for step: RandomStep, in state: BoardState) -> Command {
        let (a, b, c) = (step.a, step.b, step.c)
        let project = pick(Self.projects, a)
        let model = pick(Self.models, a)
        let stages = config.stages + ["nowhere"]
        let steps = Array(config.lifecycleSteps.prefix(3)) + ["bogus"]
        let open = state.openRequests
        let request = a % 4 == 0 || open.isEmpty ? "PR-\(a % 8 + 1)" : pick(open, b / 3).id
        let challenges = state.challenges.keys.sorted()
        let challenge = a % 4 == 0 || challenges.isEmpty ? "CH-\(a % 4 + 1)" : pick(challenges, b / 3)
        switch pick(Self.kinds, step.kind) {
        case 0:
            return .createProject(NewProject(
                slug: project, name: "Project \(project)", goal: pick(["decision making", "risk management", "fame"], b),
                cadence: pick(["weekly", "daily", nil, "hourly"], c)))
        case 1:
            return .editProject(slug: project, ProjectEdit(name: pick(Self.names + [nil], b), cadence: pick([nil, "monthly"], c)))
        case 2:
            return .archiveProject(slug: pick(["vision", "Bad Slug", Fixture.otherProject, Fixture.project], b))
        case 3:
            return .setProjectStep(slug: project, step: pick(steps, b))
        case 4:
            return .setProjectStatus(slug: project, status: pick(ProjectStatus.allCases, b))
        case 5:
            return .addStakeholder(Stakeholder(
                handle: pick(["eve", Fixture.scientist, "Eve"], b), name: "Eve", role: pick(["domain expert", "wizard"], c),
                approvalStages: stagesSubset(c)))
        case 6:
            return .editStakeholder(
                handle: pick(Self.handles, b), StakeholderEdit(name: pick(Self.names + [nil], c), isLead: pick([nil, nil, true, false], a)))
        case 7:
            return .setApprovalRights(handle: pick(Self.handles, b), stages: stagesSubset(c))
        case 8:
            return .deactivateStakeholder(handle: pick(["eve", "ghost", "eve", "ghost"] + Self.handles, b))
        case 9:
            return .assign(project: project, step: pick(steps, b), stakeholder: pick(Self.handles, c), raci: pick(RACI.allCases, a / 4))
        case 10:
            let held = state.assignments.keys.sorted { ($0.project, $0.step, $0.stakeholder) < ($1.project, $1.step, $1.stakeholder) }
            if a % 4 != 0, !held.isEmpty {
                let key = pick(held, b)
                return .unassign(project: key.project, step: key.step, stakeholder: key.stakeholder)
            }
            return .unassign(project: project, step: pick(steps, b), stakeholder: pick(Self.handles, c))
        case 11:
            return .registerModel(MLModel(
                slug: model, project: pick(Self.projects, b), name: "Model \(model)",
                thresholds: c % 2 == 0 ? Fixture.thresholds : []))
        case 12:
            return .registerVersion(model: model, metrics: pick(Self.metrics, b), source: pick(["run-1", "", "git:abc"], c))
        case 13:
            return .recordRetrain(project: project, note: pick(Self.texts, b))
        case 14:
            let versions = state.versions.values.sorted { $0.ref < $1.ref }
            if a % 3 != 0, !versions.isEmpty {
                let version = pick(versions, b)
                let next = config.ladder.firstIndex(of: version.stage).map { $0 + 1 }
                let target = next.flatMap { $0 < config.ladder.count ? config.ladder[$0] : nil } ?? config.policy.archiveStage
                return .requestPromotion(version: version.ref, to: c % 6 == 0 ? config.policy.archiveStage : target, reason: "next stage")
            }
            return .requestPromotion(
                version: VersionRef(model: model, number: b % 4 + 1), to: pick(stages, c), reason: pick(Self.texts, a / 3))
        case 15:
            return .approve(
                request: request, comment: pick([nil, "ok", nil, "fine", "\u{1B}"], b), overrideReason: pick([nil, "accepted risk", "accepted risk", " "], c))
        case 16:
            return .reject(request: request, comment: pick(Self.texts, b))
        case 17:
            return .withdraw(request: request)
        case 18:
            return .rollback(model: model, reason: pick(Self.texts, b))
        case 19:
            return .openChallenge(NewChallenge(
                project: pick([Fixture.project, Fixture.project, Fixture.otherProject, nil, "nowhere"], a),
                category: pick(["data drift", "low data quality", "gremlins"], b), severity: pick([.low, .medium, .high, .low, .medium, .high, .critical], c),
                owner: pick([nil, Fixture.engineer, "ghost"], c / 4), title: pick(Self.names, a / 5)))
        case 20:
            return .editChallenge(id: challenge, ChallengeEdit(
                severity: pick([nil, Severity.critical, .low], b), owner: pick([nil, "", Fixture.officer], c)))
        case 21:
            return .moveChallenge(id: challenge, to: pick(ChallengeStatus.allCases, b), note: pick([nil, "settled", "  "], c))
        default:
            let target: CommentTarget = pick([
                .project(project), .version(VersionRef(model: model, number: b % 4 + 1)), .request(request),
                .challenge(challenge),
            ], c)
            return .comment(on: target, body: pick(Self.texts, b))
        }
    }

    private func stagesSubset(_ mask: Int) -> [String] {
        config.stages.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)
    }
}
