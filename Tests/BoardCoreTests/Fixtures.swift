import BoardCore
import Testing

/// Names and values shared by the tests, so each test reads as a story.
enum Fixture {
    static let start = Instant(millis: 1_767_225_600_000)  // 2026-01-01T00:00:00Z

    // People of the standard board.
    static let lead = "lena"  // data-science lead; approves staging, production, archived
    static let engineer = "ada"  // ML engineer; approves staging, production, archived
    static let officer = "bob"  // compliance officer; approves production only
    static let scientist = "dana"  // data scientist; approves nothing

    static let project = "churn"
    static let otherProject = "fraud"
    static let model = "churn-xgb"

    /// Version 1 meets the thresholds, version 2 fails `auc`, version 3 meets them.
    static let v1 = VersionRef(model: model, number: 1)
    static let v2 = VersionRef(model: model, number: 2)
    static let v3 = VersionRef(model: model, number: 3)
    static let passingMetrics: [String: Double] = ["auc": 0.86, "latency-ms": 35]
    static let failingMetrics: [String: Double] = ["auc": 0.74, "latency-ms": 40]
    static let betterMetrics: [String: Double] = ["auc": 0.9, "latency-ms": 30]

    static let thresholds = [
        MetricThreshold(metric: "auc", comparison: .atLeast, value: 0.8),
        MetricThreshold(metric: "latency-ms", comparison: .atMost, value: 50),
    ]

    static func config(archiveReplacedVersion: Bool = true) -> WorkspaceConfig {
        var config = WorkspaceConfig.defaults(name: "test workspace")
        config.policy.archiveReplacedVersion = archiveReplacedVersion
        return config
    }

    static func actor(_ handle: String) -> Actor { Actor(handle: handle, osUser: "os-\(handle)") }
}

/// A board driven only through `decide` and `apply`, as the store drives it: every accepted
/// command's events become numbered, timed records, and the clock moves a minute per command.
struct TestBoard {
    private(set) var state: BoardState
    private(set) var records: [EventRecord] = []
    private(set) var now: Instant

    init(config: WorkspaceConfig = Fixture.config(), now: Instant = Fixture.start) {
        self.state = BoardState(config: config)
        self.now = now
    }

    /// The comments recorded on `target`, oldest first: history, which the state does not keep.
    func comments(on target: CommentTarget) -> [BoardCore.Comment] {
        records.compactMap(\.comment).filter { $0.target == target }.sorted(by: Comment.threadOrder)
    }

    var config: WorkspaceConfig { state.config }

    /// What `decide` says, without changing the board.
    func decision(_ command: Command, as handle: String) -> Result<[Event], RuleViolation> {
        decide(command, state: state, actor: Fixture.actor(handle), now: now)
    }

    /// Decides and applies; the outcome is returned either way.
    @discardableResult
    mutating func attempt(_ command: Command, as handle: String) -> Result<[Event], RuleViolation> {
        now = Instant(millis: now.millis + 60_000)
        let result = decision(command, as: handle)
        if case .success(let events) = result {
            for event in events {
                let record = EventRecord(
                    sequence: state.lastSequence + 1, at: now, actor: Fixture.actor(handle), event: event)
                apply(record, to: &state)
                records.append(record)
            }
        }
        return result
    }

    /// Runs a command that must be accepted; a refusal fails the calling test.
    @discardableResult
    mutating func run(
        _ command: Command, as handle: String, sourceLocation: SourceLocation = #_sourceLocation
    ) -> [Event] {
        switch attempt(command, as: handle) {
        case .success(let events):
            return events
        case .failure(let violation):
            Issue.record("expected \(command) by \(handle) to be accepted, got \(violation)", sourceLocation: sourceLocation)
            return []
        }
    }

    /// The violation `decide` reports for a command that must be refused; nil (and a failed
    /// test) when it is accepted.
    func refusal(
        _ command: Command, as handle: String, sourceLocation: SourceLocation = #_sourceLocation
    ) -> RuleViolation? {
        switch decision(command, as: handle) {
        case .success(let events):
            Issue.record("expected \(command) by \(handle) to be refused, got \(events)", sourceLocation: sourceLocation)
            return nil
        case .failure(let violation):
            return violation
        }
    }

    /// Checks that `command` is refused under `rule` with a message naming each of `mentioning`.
    func expectRefusal(
        _ command: Command, as handle: String, rule: Rule, mentioning names: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let violation = refusal(command, as: handle, sourceLocation: sourceLocation) else { return }
        #expect(violation.rule == rule, "\(violation)", sourceLocation: sourceLocation)
        for name in names {
            #expect(violation.message.contains(name), "'\(violation.message)' should name \(name)", sourceLocation: sourceLocation)
        }
    }

    mutating func advance(days: Int) { now = now.adding(days: days) }

    mutating func advance(millis: Int64) { now = Instant(millis: now.millis + millis) }

    // MARK: Building blocks

    /// Requests a promotion and returns the new request's id.
    @discardableResult
    mutating func request(
        _ ref: VersionRef, to stage: String, by handle: String = Fixture.scientist, reason: String = "ready",
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> String {
        let events = run(.requestPromotion(version: ref, to: stage, reason: reason), as: handle, sourceLocation: sourceLocation)
        guard case .promotionRequested(let request)? = events.first else {
            Issue.record("no promotionRequested event", sourceLocation: sourceLocation)
            return "PR-?"
        }
        return request.id
    }

    /// Requests and approves a promotion with enough approvals to move the version.
    @discardableResult
    mutating func promote(
        _ ref: VersionRef, to stage: String, approvers: [String]? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> String {
        let id = request(ref, to: stage, sourceLocation: sourceLocation)
        let needed = config.approvalsRequired(for: stage)
        let chosen = approvers ?? [Fixture.engineer, Fixture.officer, Fixture.lead].filter {
            state.stakeholders[$0]?.mayApprove(to: stage) == true
        }
        for approver in chosen.prefix(needed) {
            run(.approve(request: id, comment: "looks good", overrideReason: nil), as: approver, sourceLocation: sourceLocation)
        }
        return id
    }

    func stage(of ref: VersionRef) -> String? { state.versions[ref]?.stage }

    // MARK: Standard boards

    /// The team only: a lead, two approvers and a data scientist with no rights.
    static func team(config: WorkspaceConfig = Fixture.config()) -> TestBoard {
        var board = TestBoard(config: config)
        board.run(.addStakeholder(Stakeholder(
            handle: Fixture.lead, name: "Lena Lead", role: "data-science lead",
            approvalStages: ["staging", "production", "archived"])), as: Fixture.lead)
        board.run(.addStakeholder(Stakeholder(
            handle: Fixture.engineer, name: "Ada Engineer", role: "ML engineer",
            approvalStages: ["staging", "production", "archived"])), as: Fixture.lead)
        board.run(.addStakeholder(Stakeholder(
            handle: Fixture.officer, name: "Bob Officer", role: "compliance / risk officer",
            approvalStages: ["production"])), as: Fixture.lead)
        board.run(.addStakeholder(Stakeholder(
            handle: Fixture.scientist, name: "Dana Scientist", role: "data scientist")), as: Fixture.lead)
        return board
    }

    /// The team, project `churn` (weekly retraining) and `fraud`, model `churn-xgb` with
    /// thresholds auc >= 0.8 and latency-ms <= 50, and its versions 1 to 3 in development.
    static func standard(config: WorkspaceConfig = Fixture.config()) -> TestBoard {
        var board = team(config: config)
        board.run(.createProject(NewProject(
            slug: Fixture.project, name: "Customer churn", description: "Who leaves,\nand why.",
            goal: "customer experience", priorityBasis: "business impact", impactAreas: ["customer satisfaction"],
            cadence: "weekly")), as: Fixture.lead)
        board.run(.createProject(NewProject(
            slug: Fixture.otherProject, name: "Card fraud", goal: "risk management", cadence: "monthly")),
            as: Fixture.lead)
        board.run(.registerModel(MLModel(
            slug: Fixture.model, project: Fixture.project, name: "Churn XGBoost",
            thresholds: Fixture.thresholds, keyMetric: "auc")), as: Fixture.scientist)
        board.run(.registerVersion(model: Fixture.model, metrics: Fixture.passingMetrics, source: "run-101"), as: Fixture.scientist)
        board.run(.registerVersion(model: Fixture.model, metrics: Fixture.failingMetrics, source: "run-102"), as: Fixture.scientist)
        board.run(.registerVersion(model: Fixture.model, metrics: Fixture.betterMetrics, source: "run-103"), as: Fixture.scientist)
        return board
    }

    /// The standard board with version 1 in production (through staging).
    static func withV1InProduction(config: WorkspaceConfig = Fixture.config()) -> TestBoard {
        var board = standard(config: config)
        board.promote(Fixture.v1, to: "staging")
        board.promote(Fixture.v1, to: "production")
        return board
    }
}

extension Result {
    /// The error of a failed result, for `#expect` on refusals.
    var violation: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
