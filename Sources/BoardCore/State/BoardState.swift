/// What the journal says is live, folded into one value. Only `apply` changes it. History the
/// rules never look at (comments) stays in the journal: the state keeps only their counter, and
/// readers fetch the ones they show from the store (`WorkspaceStore.comments(on:)`).
public struct BoardState: Codable, Equatable, Sendable {
    public var config: WorkspaceConfig
    public var projects: [String: Project] = [:]
    public var stakeholders: [String: Stakeholder] = [:]
    public var assignments: [AssignmentKey: Assignment] = [:]
    public var models: [String: MLModel] = [:]
    public var versions: [VersionRef: ModelVersion] = [:]
    public var requests: [String: PromotionRequest] = [:]
    public var challenges: [String: Challenge] = [:]
    public var stageMoves: [StageMove] = []
    public var aliasMoves: [AliasMove] = []
    /// The latest change each bridge made, by bridge name ("mlflow").
    public var bridgeSyncs: [String: BridgeSync] = [:]
    /// The newest events, oldest first, for the activity feed.
    public var activity: [ActivityEntry] = []
    public var counters = IdCounters()
    /// Who may sign lines, and whether lines must be signed.
    public var signing = KeyRegistry()
    /// The sequence number of the last event applied; 0 for an empty journal.
    public var lastSequence: Int64 = 0

    public static let activityLimit = 500

    public init(config: WorkspaceConfig) {
        self.config = config
    }
}

/// Numbers behind generated ids (PR-1, CH-1, CM-1), advanced by the events that use them.
public struct IdCounters: Codable, Equatable, Sendable {
    public var requests = 0
    public var challenges = 0
    public var comments = 0

    public init() {}
}

public struct ActivityEntry: Codable, Equatable, Sendable {
    public var sequence: Int64
    public var at: Instant
    public var actor: String
    public var summary: String
    public var signature: SignatureMark

    public init(sequence: Int64, at: Instant, actor: String, summary: String, signature: SignatureMark = .unsigned) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.summary = summary
        self.signature = signature
    }
}

extension BoardState {
    public func versions(of model: String) -> [ModelVersion] {
        versions.values.filter { $0.ref.model == model }.sorted { $0.ref.number < $1.ref.number }
    }

    public func models(of project: String) -> [MLModel] {
        models.values.filter { $0.project == project }.sorted { $0.slug < $1.slug }
    }

    public func openRequests(for version: VersionRef) -> [PromotionRequest] {
        requests.values.filter { $0.version == version && $0.isOpen }.sorted { $0.id < $1.id }
    }

    public func assignments(of project: String) -> [Assignment] {
        assignments.values.filter { $0.project == project }
    }

    /// Active stakeholders by handle.
    public func activeStakeholder(_ handle: String) -> Stakeholder? {
        guard let person = stakeholders[handle], person.active else { return nil }
        return person
    }
}
