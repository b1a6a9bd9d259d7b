/// Where a model version came from: enough to find the run, the code and the data again.
public struct VersionLineage: Codable, Equatable, Sendable {
    /// The artifact or model URI (runs:/…, s3://…, models:/…).
    public var sourceURI: String?
    public var runID: String?
    public var codeCommit: String?
    /// A reference to the data set the version was trained on (name, path or digest).
    public var dataset: String?
    /// Free tags, e.g. what a registry knows the version by.
    public var tags: [String: String]

    public init(
        sourceURI: String? = nil, runID: String? = nil, codeCommit: String? = nil, dataset: String? = nil,
        tags: [String: String] = [:]
    ) {
        self.sourceURI = sourceURI
        self.runID = runID
        self.codeCommit = codeCommit
        self.dataset = dataset
        self.tags = tags
    }

    public var isEmpty: Bool { self == VersionLineage() }

    /// The named fields that are set, in the order they are shown.
    public var fields: [(label: String, value: String)] {
        [("source URI", sourceURI), ("run", runID), ("commit", codeCommit), ("data set", dataset)]
            .compactMap { label, value in value.map { (label, $0) } }
    }

    private enum CodingKeys: String, CodingKey { case sourceURI, runID, codeCommit, dataset, tags }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sourceURI = try container.decodeIfPresent(String.self, forKey: .sourceURI)
        runID = try container.decodeIfPresent(String.self, forKey: .runID)
        codeCommit = try container.decodeIfPresent(String.self, forKey: .codeCommit)
        dataset = try container.decodeIfPresent(String.self, forKey: .dataset)
        tags = try container.decodeIfPresent([String: String].self, forKey: .tags) ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(sourceURI, forKey: .sourceURI)
        try container.encodeIfPresent(runID, forKey: .runID)
        try container.encodeIfPresent(codeCommit, forKey: .codeCommit)
        try container.encodeIfPresent(dataset, forKey: .dataset)
        if !tags.isEmpty { try container.encode(tags, forKey: .tags) }
    }
}
