import BoardCore

/// Finds the CSV column a refusal is about from the field its message names: the rules say
/// "goal 'x' is not one of ...", "project name must not be empty", "no project 'x'".
enum CSVColumns {
    /// Message openings and the column they point at, most specific first.
    private static let openings: [CSVImportPlanner.Kind: [(String, String)]] = [
        .projects: [
            ("project slug", "slug"), ("project name", "name"), ("project description", "description"),
            ("project '", "slug"), ("other goal", "otherGoals"), ("goal", "goal"), ("priority basis", "priorityBasis"),
            ("impact area", "impactAreas"), ("retraining cadence", "cadence"), ("step", "step"),
        ],
        .stakeholders: [
            ("stakeholder handle", "handle"), ("stakeholder name", "name"), ("stakeholder '", "handle"),
            ("role", "role"), ("email", "email"), ("approval stage", "approvalStages"),
        ],
        .challenges: [
            ("no project", "project"), ("project '", "project"), ("category", "category"),
            ("challenge title", "title"), ("challenge description", "description"), ("owner", "owner"),
            ("no stakeholder", "owner"), ("moving", "resolution"), ("note", "resolution"), ("CH-", "status"),
        ],
    ]

    static func finder(for kind: CSVImportPlanner.Kind) -> @Sendable (RuleViolation) -> String? {
        { violation in
            switch violation.rule {
            case .notAStakeholder where violation.message.contains("--as"), .leadOnly:
                return "(the importing stakeholder, --as)"
            default:
                return openings[kind]?.first { violation.message.hasPrefix($0.0) }?.1
            }
        }
    }
}
