/// The built-in vocabularies, from the domain brief. A new workspace starts with these.
extension WorkspaceConfig {
    public static func defaults(name: String) -> WorkspaceConfig {
        WorkspaceConfig(
            name: name,
            lifecycleSteps: [
                "problem definition", "data access", "data preparation", "exploratory data analysis",
                "feature engineering and model development", "model validation", "model deployment",
                "model monitoring and maintenance", "model retraining",
                "model interpretation and communication",
            ],
            stages: ["development", "staging", "production", "archived"],
            roles: [
                "data scientist", "ML engineer", "data engineer", "data-science lead", "business analyst",
                "IT / DevOps / platform engineer", "domain expert", "executive sponsor",
                "compliance / risk officer",
            ],
            challengeCategories: [
                ("limited budget and resources", "organisational"),
                ("difficulty defining project goals", "organisational"),
                ("lack of skilled talent", "organisational"),
                ("difficulty measuring results", "organisational"),
                ("insufficient integration with existing systems", "data and environment"),
                ("low data quality", "data and environment"),
                ("lack of data access", "data and environment"),
                ("data silos", "data and environment"),
                ("limited availability of suitable tools", "data and environment"),
                ("insufficient data security and privacy", "trust"),
                ("ethical concerns", "trust"),
                ("ineffective data governance", "trust"),
                ("managing multiple environments", "operations"),
                ("governance compliance", "operations"),
                ("data drift", "operations"),
                ("inconsistent production performance", "operations"),
                ("model failures", "operations"),
                ("managing dependencies and versions", "operations"),
                ("inefficient retraining", "operations"),
            ].map { ChallengeCategory(name: $0.0, group: $0.1) },
            businessGoals: [
                "operational efficiency", "product development and innovation", "decision making",
                "risk management", "customer experience", "customer satisfaction",
                "new business opportunities / revenue",
            ],
            prioritisationBases: [
                "business impact", "technical complexity", "executive leadership", "customer feedback",
                "resource availability", "time to market",
            ],
            impactAreas: [
                "operational efficiency", "customer satisfaction", "cost saving or revenue", "time saving",
                "competitive advantage", "prediction accuracy", "innovation potential",
                "employee satisfaction", "social impact",
            ],
            retrainingCadences: [
                RetrainingCadence(name: "daily", days: 1),
                RetrainingCadence(name: "weekly", days: 7),
                RetrainingCadence(name: "monthly", days: 30),
                RetrainingCadence(name: "quarterly", days: 91),
                RetrainingCadence(name: "yearly", days: 365),
                RetrainingCadence(name: "when new data arrives", days: nil),
                RetrainingCadence(name: "when accuracy falls below a threshold", days: nil),
                RetrainingCadence(name: "when the target changes", days: nil),
            ],
            policy: PromotionPolicy(
                productionStage: "production",
                archiveStage: "archived",
                approvalsRequired: ["staging": 1, "production": 2, "archived": 1],
                archiveReplacedVersion: true,
                blockingSeverity: .critical,
                aliases: ["champion": "production", "challenger": "staging"]
            )
        )
    }
}
