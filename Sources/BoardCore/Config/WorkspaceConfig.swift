import Foundation

/// The workspace's vocabularies and promotion policy. Lives in the data directory as
/// a human-readable file; every list may be renamed, extended or shortened there,
/// so rules look names up here instead of hard-wiring them.
public struct WorkspaceConfig: Codable, Equatable, Sendable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var name: String
    public var lifecycleSteps: [String]
    /// Promotion ladder in order; `policy.archiveStage` is one of them, normally the last.
    public var stages: [String]
    public var roles: [String]
    public var challengeCategories: [ChallengeCategory]
    public var businessGoals: [String]
    public var prioritisationBases: [String]
    public var impactAreas: [String]
    public var retrainingCadences: [RetrainingCadence]
    public var policy: PromotionPolicy
    /// How the MLflow bridge maps registered models to projects; absent when unused.
    public var mlflow: MLflowSettings? = nil

    public init(
        schemaVersion: Int = WorkspaceConfig.currentSchemaVersion,
        name: String,
        lifecycleSteps: [String],
        stages: [String],
        roles: [String],
        challengeCategories: [ChallengeCategory],
        businessGoals: [String],
        prioritisationBases: [String],
        impactAreas: [String],
        retrainingCadences: [RetrainingCadence],
        policy: PromotionPolicy
    ) {
        self.schemaVersion = schemaVersion
        self.name = name
        self.lifecycleSteps = lifecycleSteps
        self.stages = stages
        self.roles = roles
        self.challengeCategories = challengeCategories
        self.businessGoals = businessGoals
        self.prioritisationBases = prioritisationBases
        self.impactAreas = impactAreas
        self.retrainingCadences = retrainingCadences
        self.policy = policy
    }

    /// The stages a version climbs, without the archive stage.
    public var ladder: [String] { stages.filter { $0 != policy.archiveStage } }

    /// The stage every new version starts in.
    public var initialStage: String { ladder.first ?? stages.first ?? "" }

    public func cadence(named name: String) -> RetrainingCadence? {
        retrainingCadences.first { $0.name == name }
    }

    public func category(named name: String) -> ChallengeCategory? {
        challengeCategories.first { $0.name == name }
    }

    public func approvalsRequired(for stage: String) -> Int {
        max(1, policy.approvalsRequired[stage] ?? 1)
    }

    /// Problems that make the configuration unusable, each naming the field. Every text is
    /// held to the rules of entity names: not empty, at most 200 characters, and no control
    /// or format characters (the name and the vocabularies are printed on terminals).
    public func problems() -> [String] {
        var found: [String] = []
        if schemaVersion < 1 { found.append("schemaVersion: must be 1 or more") }
        found += Self.textProblems(name, field: "name")
        let lists: [(String, [String])] = [
            ("lifecycleSteps", lifecycleSteps), ("stages", stages), ("roles", roles),
            ("businessGoals", businessGoals), ("challengeCategories", challengeCategories.map(\.name)),
            ("retrainingCadences", retrainingCadences.map(\.name)),
        ]
        for (field, entries) in lists {
            if entries.isEmpty { found.append("\(field): needs at least one entry") }
            if Set(entries).count != entries.count { found.append("\(field): has duplicate entries") }
        }
        let texts: [(String, [String])] = lists + [
            ("prioritisationBases", prioritisationBases), ("impactAreas", impactAreas),
            ("challengeCategories.group", challengeCategories.map(\.group)),
        ]
        for (field, entries) in texts {
            for (index, entry) in entries.enumerated() { found += Self.textProblems(entry, field: "\(field)[\(index)]") }
        }
        if !stages.contains(policy.productionStage) {
            found.append("policy.productionStage: '\(Self.quoted(policy.productionStage))' is not one of stages")
        }
        if !stages.contains(policy.archiveStage) {
            found.append("policy.archiveStage: '\(Self.quoted(policy.archiveStage))' is not one of stages")
        }
        for stage in policy.approvalsRequired.keys.sorted() where !stages.contains(stage) {
            found.append("policy.approvalsRequired: '\(Self.quoted(stage))' is not one of stages")
        }
        for (alias, stage) in policy.aliases.sorted(by: { $0.key < $1.key }) {
            if !TextRules.isValidSlug(alias) {
                found.append("policy.aliases: '\(Self.quoted(alias))' must be 1 to \(TextRules.maxSlugLength) lower-case letters, digits or dashes")
            }
            if !ladder.contains(stage) {
                found.append("policy.aliases.\(Self.quoted(alias)): '\(Self.quoted(stage))' is not one of stages (the archive stage takes no alias)")
            }
        }
        return found
    }

    private static func textProblems(_ text: String, field: String) -> [String] {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return ["\(field): must not be empty"] }
        if text.count > TextRules.maxNameLength {
            return ["\(field): is \(text.count) characters; the limit is \(TextRules.maxNameLength)"]
        }
        return TextRules.forbiddenCharacterProblem(in: text, field: field, allowNewlines: false).map { [$0] } ?? []
    }

    /// A value named in a message: shortened, and safe to print.
    private static func quoted(_ text: String) -> String {
        TerminalText.sanitized(String(text.prefix(80)))
    }
}

public struct ChallengeCategory: Codable, Equatable, Sendable {
    public var name: String
    public var group: String

    public init(name: String, group: String) {
        self.name = name
        self.group = group
    }
}

/// How often a project's models should be retrained; `days` is nil for cadences that
/// are triggered by events (new data, a drop in accuracy) rather than the calendar.
public struct RetrainingCadence: Codable, Equatable, Sendable {
    public var name: String
    public var days: Int?

    public init(name: String, days: Int?) {
        self.name = name
        self.days = days
    }
}

public struct PromotionPolicy: Codable, Equatable, Sendable {
    public var productionStage: String
    public var archiveStage: String
    /// Approvals needed per target stage; a stage not listed needs one.
    public var approvalsRequired: [String: Int]
    /// Whether reaching production archives the version it replaces there.
    public var archiveReplacedVersion: Bool
    /// Open challenges of this severity on a project block promotion to production.
    public var blockingSeverity: Severity
    /// Each alias and the stage it implies: a version entering that stage takes the alias,
    /// and moving the alias by hand needs that stage's approvals.
    public var aliases: [String: String]

    public init(
        productionStage: String, archiveStage: String, approvalsRequired: [String: Int],
        archiveReplacedVersion: Bool, blockingSeverity: Severity, aliases: [String: String]? = nil
    ) {
        self.productionStage = productionStage
        self.archiveStage = archiveStage
        self.approvalsRequired = approvalsRequired
        self.archiveReplacedVersion = archiveReplacedVersion
        self.blockingSeverity = blockingSeverity
        self.aliases = aliases ?? Self.defaultAliases(productionStage: productionStage)
    }

    /// A configuration written before aliases existed gets `champion` on its production stage.
    public static func defaultAliases(productionStage: String) -> [String: String] {
        ["champion": productionStage]
    }

    /// The aliases that stage `stage` implies, sorted.
    public func aliases(implying stage: String) -> [String] {
        aliases.filter { $0.value == stage }.map(\.key).sorted()
    }

    private enum CodingKeys: String, CodingKey {
        case productionStage, archiveStage, approvalsRequired, archiveReplacedVersion, blockingSeverity, aliases
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            productionStage: try container.decode(String.self, forKey: .productionStage),
            archiveStage: try container.decode(String.self, forKey: .archiveStage),
            approvalsRequired: try container.decode([String: Int].self, forKey: .approvalsRequired),
            archiveReplacedVersion: try container.decode(Bool.self, forKey: .archiveReplacedVersion),
            blockingSeverity: try container.decode(Severity.self, forKey: .blockingSeverity),
            aliases: try container.decodeIfPresent([String: String].self, forKey: .aliases))
    }
}
