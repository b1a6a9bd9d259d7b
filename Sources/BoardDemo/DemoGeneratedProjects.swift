import BoardCore

/// A kind of data-science project the generator can make more of.
struct UseCase: Sendable {
    var stem: String
    var title: String
    var description: String
    var goal: String
    var modelSuffix: String
    var modelName: String
    var metric: String
    var comparison: MetricThreshold.Comparison
    var threshold: Double
    /// How far metric values stray from the threshold.
    var spread: Double
}

/// A project beyond the core eight, with everything decided up front so each phase can
/// play its part without re-rolling dice.
struct GeneratedProject: Sendable {
    var number: Int
    var project: NewProject
    var step: Int
    var useCase: UseCase
    var crew: Crew
    var seed: UInt64
    var plan: GeneratedPlan

    var slug: String { project.slug }
    var model: String { "\(project.slug)-\(useCase.modelSuffix)" }

    /// A fresh generator for one phase of this project's story.
    func rng(_ phase: Int) -> SplitMix64 { SplitMix64(seed: seed, stream: phase) }
}

struct GeneratedPlan: Sendable {
    var hasModel = false
    var earlyVersions = 0
    var stagingRelease = false
    var productionReleases = 0
    var pendingStaging = false
    /// A version waiting for its second production approval.
    var pendingProduction = false
    var rollback = false
    var lateVersion = false
    var challenges: [GeneratedChallenge] = []
    var comment = false
    var finalStatus: ProjectStatus = .active
    var archived = false

    var hasOpenRequest: Bool { pendingStaging || pendingProduction }
}

struct GeneratedChallenge: Sendable {
    var openedBy: String
    var challenge: NewChallenge
    var finalStatus: ChallengeStatus
}

enum DemoGenerated {
    static let useCases: [UseCase] = [
        UseCase(stem: "churn", title: "Churn prediction",
                description: "Flags customers likely to cancel within 60 days so retention teams can act first.",
                goal: "customer satisfaction", modelSuffix: "gbm", modelName: "Churn GBM",
                metric: "auc", comparison: .atLeast, threshold: 0.78, spread: 0.06),
        UseCase(stem: "demand", title: "Demand forecasting",
                description: "Daily unit forecasts per location and product for replenishment.",
                goal: "operational efficiency", modelSuffix: "lgbm", modelName: "Demand LightGBM",
                metric: "wmape", comparison: .atMost, threshold: 0.15, spread: 0.03),
        UseCase(stem: "fraud", title: "Payment fraud detection",
                description: "Scores payments in real time and routes risky ones to manual review.",
                goal: "risk management", modelSuffix: "xgb", modelName: "Fraud XGBoost",
                metric: "recall", comparison: .atLeast, threshold: 0.80, spread: 0.05),
        UseCase(stem: "maintenance", title: "Predictive maintenance",
                description: "Predicts equipment failures from sensor data so repairs can be planned.",
                goal: "operational efficiency", modelSuffix: "survival", modelName: "Failure survival model",
                metric: "c_index", comparison: .atLeast, threshold: 0.70, spread: 0.05),
        UseCase(stem: "credit-risk", title: "Credit risk scoring",
                description: "Estimates the probability of default of credit applications.",
                goal: "risk management", modelSuffix: "scorecard", modelName: "PD scorecard",
                metric: "gini", comparison: .atLeast, threshold: 0.45, spread: 0.06),
        UseCase(stem: "support-triage", title: "Support ticket triage",
                description: "Classifies incoming tickets and routes them to the right queue.",
                goal: "customer experience", modelSuffix: "router", modelName: "Ticket router",
                metric: "macro_f1", comparison: .atLeast, threshold: 0.75, spread: 0.05),
        UseCase(stem: "pricing", title: "Price optimisation",
                description: "Suggests prices from estimated demand elasticities within margin rules.",
                goal: "new business opportunities / revenue", modelSuffix: "elasticity",
                modelName: "Price elasticity model",
                metric: "elasticity_mae", comparison: .atMost, threshold: 0.25, spread: 0.05),
        UseCase(stem: "doc-ocr", title: "Document OCR",
                description: "Extracts structured fields from scanned documents.",
                goal: "product development and innovation", modelSuffix: "ocr", modelName: "Layout OCR",
                metric: "field_f1", comparison: .atLeast, threshold: 0.90, spread: 0.04),
        UseCase(stem: "lead-scoring", title: "Lead scoring",
                description: "Ranks inbound leads by their likelihood to convert, for the sales team.",
                goal: "new business opportunities / revenue", modelSuffix: "ranker", modelName: "Lead ranker",
                metric: "auc", comparison: .atLeast, threshold: 0.75, spread: 0.06),
        UseCase(stem: "next-offer", title: "Next best offer",
                description: "Chooses which offer to show each customer in the app.",
                goal: "customer experience", modelSuffix: "policy", modelName: "Offer policy",
                metric: "hit_rate_at_5", comparison: .atLeast, threshold: 0.25, spread: 0.05),
        UseCase(stem: "replenishment", title: "Inventory replenishment",
                description: "Sets reorder points from forecast demand and supplier lead times.",
                goal: "operational efficiency", modelSuffix: "reorder", modelName: "Reorder-point model",
                metric: "stockout_rate", comparison: .atMost, threshold: 0.04, spread: 0.015),
        UseCase(stem: "delivery-eta", title: "Delivery ETA prediction",
                description: "Predicts the delivery arrival times shown to customers.",
                goal: "customer satisfaction", modelSuffix: "eta", modelName: "ETA regressor",
                metric: "mae_minutes", comparison: .atMost, threshold: 8, spread: 2),
        UseCase(stem: "call-volume", title: "Contact-centre volume forecasting",
                description: "Forecasts calls per half hour for staff scheduling.",
                goal: "operational efficiency", modelSuffix: "forecaster", modelName: "Volume forecaster",
                metric: "wmape", comparison: .atMost, threshold: 0.12, spread: 0.03),
        UseCase(stem: "claims-triage", title: "Insurance claims triage",
                description: "Sends simple claims to fast-track and complex ones to adjusters.",
                goal: "operational efficiency", modelSuffix: "triage", modelName: "Claims triage model",
                metric: "auc", comparison: .atLeast, threshold: 0.80, spread: 0.05),
        UseCase(stem: "aml-alerts", title: "Anti-money-laundering alert scoring",
                description: "Prioritises AML alerts so investigators see the riskiest first.",
                goal: "risk management", modelSuffix: "scorer", modelName: "AML alert scorer",
                metric: "recall", comparison: .atLeast, threshold: 0.85, spread: 0.04),
        UseCase(stem: "energy-load", title: "Energy load forecasting",
                description: "Forecasts site electricity demand to buy power day-ahead.",
                goal: "decision making", modelSuffix: "load", modelName: "Load forecaster",
                metric: "mape", comparison: .atMost, threshold: 0.08, spread: 0.02),
        UseCase(stem: "clv", title: "Customer lifetime value",
                description: "Estimates twelve-month customer value to set marketing budgets.",
                goal: "decision making", modelSuffix: "clv", modelName: "CLV model",
                metric: "r2", comparison: .atLeast, threshold: 0.55, spread: 0.08),
        UseCase(stem: "review-sentiment", title: "Review sentiment analysis",
                description: "Tags product reviews by sentiment and topic for product teams.",
                goal: "product development and innovation", modelSuffix: "sentiment",
                modelName: "Sentiment classifier",
                metric: "macro_f1", comparison: .atLeast, threshold: 0.80, spread: 0.05),
        UseCase(stem: "recommendations", title: "Product recommendations",
                description: "Recommends related products on product pages and in e-mails.",
                goal: "new business opportunities / revenue", modelSuffix: "recsys", modelName: "Recommender",
                metric: "ndcg_at_10", comparison: .atLeast, threshold: 0.30, spread: 0.05),
        UseCase(stem: "shift-planning", title: "Workforce shift planning",
                description: "Forecasts staffing needs per store and hour.",
                goal: "operational efficiency", modelSuffix: "staffing", modelName: "Staffing forecaster",
                metric: "wmape", comparison: .atMost, threshold: 0.14, spread: 0.03),
        UseCase(stem: "visual-inspection", title: "Visual quality inspection",
                description: "Detects defects on the production line from camera images.",
                goal: "operational efficiency", modelSuffix: "detector", modelName: "Defect detector",
                metric: "f1", comparison: .atLeast, threshold: 0.90, spread: 0.03),
        UseCase(stem: "marketing-mix", title: "Marketing mix modelling",
                description: "Attributes sales to media channels to plan the marketing budget.",
                goal: "decision making", modelSuffix: "mmm", modelName: "Media mix model",
                metric: "r2", comparison: .atLeast, threshold: 0.70, spread: 0.06),
        UseCase(stem: "contract-clauses", title: "Contract clause extraction",
                description: "Finds renewal, liability and termination clauses in supplier contracts.",
                goal: "risk management", modelSuffix: "extractor", modelName: "Clause extractor",
                metric: "f1", comparison: .atLeast, threshold: 0.85, spread: 0.04),
        UseCase(stem: "returns", title: "Returns prediction",
                description: "Predicts which orders will be returned, to adjust fulfilment and sizing advice.",
                goal: "customer satisfaction", modelSuffix: "classifier", modelName: "Returns classifier",
                metric: "auc", comparison: .atLeast, threshold: 0.72, spread: 0.05),
    ]

    static let units: [(name: String, slug: String)] = [
        ("Nordics", "nordics"), ("Iberia", "iberia"), ("DACH", "dach"), ("Benelux", "benelux"),
        ("UK & Ireland", "uk-ie"), ("France", "france"), ("Italy", "italy"), ("Poland", "poland"),
        ("Japan", "japan"), ("Brazil", "brazil"), ("Mexico", "mexico"), ("Canada", "canada"),
        ("US East", "us-east"), ("US West", "us-west"), ("India", "india"), ("Australia", "australia"),
    ]

    // Weights from the domain brief's survey figures, in the default vocabularies' order.
    static let goalWeights = [66, 60, 52, 49, 47, 43, 30]
    static let basisWeights = [23, 23, 19, 14, 13, 7]
    static let impactWeights = [53, 48, 45, 39, 37, 37, 36, 35, 26]
    static let cadenceWeights = [11, 36, 23, 22, 3, 3, 1, 1]
    /// Data access and preparation are the most common steps, then monitoring.
    static let stepWeights = [6, 12, 12, 9, 12, 8, 8, 14, 6, 5]
    static let statusWeights = [86, 6, 5, 3]  // active, on hold, completed, cancelled

    /// Projects numbered `first..<first + count` (the core ones are 0 to 7).
    static func projects(first: Int, count: Int, team: DemoTeam, config: WorkspaceConfig) -> [GeneratedProject] {
        (first..<(first + count)).map { generate(number: $0, team: team, config: config) }
    }

    private static func generate(number: Int, team: DemoTeam, config: WorkspaceConfig) -> GeneratedProject {
        let seed = 0xB0A4_D000 ^ UInt64(number)
        var rng = SplitMix64(seed: seed, stream: 0)
        let offset = number - DemoProjects.core.count
        let useCase = useCases[offset % useCases.count]
        let unit = units[(offset / useCases.count) % units.count]
        let wave = offset / (useCases.count * units.count)
        let step = rng.weightedIndex(stepWeights)
        let goal = rng.chance(0.6) ? useCase.goal : config.businessGoals[rng.weightedIndex(goalWeights)]
        let others = rng.distinctWeightedIndices(goalWeights, count: rng.int(below: 3))
            .map { config.businessGoals[$0] }.filter { $0 != goal }
        let impact = rng.distinctWeightedIndices(impactWeights, count: 1 + rng.int(below: 3)).sorted()
            .map { config.impactAreas[$0] }
        let project = NewProject(
            slug: "\(useCase.stem)-\(unit.slug)-\(number + 1)",
            name: "\(useCase.title) — \(unit.name)" + (wave > 0 ? " (wave \(wave + 1))" : ""),
            description: "\(useCase.description) Scope: \(unit.name).",
            goal: goal, otherGoals: others,
            priorityBasis: config.prioritisationBases[rng.weightedIndex(basisWeights)],
            impactAreas: impact,
            cadence: config.retrainingCadences[rng.weightedIndex(cadenceWeights)].name,
            step: config.lifecycleSteps[step])
        var crew: Crew = [:]
        for role in CrewRole.allCases { crew[role] = team.pick(role.workspaceRole, &rng) }
        var plan = makePlan(step: step, crew: crew, project: project.slug, team: team, rng: &rng, config: config)
        if number % 40 == 0 {
            plan.challenges.append(orgWideChallenge(crew: crew, rng: &rng, config: config))
        }
        return GeneratedProject(number: number, project: project, step: step, useCase: useCase, crew: crew,
                                seed: seed, plan: plan)
    }

    private static func makePlan(
        step: Int, crew: Crew, project: String, team: DemoTeam, rng: inout SplitMix64, config: WorkspaceConfig
    ) -> GeneratedPlan {
        var plan = GeneratedPlan()
        switch step {
        case 0...2:
            plan.hasModel = rng.chance(0.3)
            plan.earlyVersions = plan.hasModel ? 1 : 0
        case 3...4:
            plan.hasModel = true
            plan.earlyVersions = rng.chance(0.5) ? 2 : 1
            plan.pendingStaging = rng.chance(0.35)
        case 5:
            plan.hasModel = true
            plan.earlyVersions = 2
            plan.stagingRelease = true
            plan.pendingStaging = rng.chance(0.4)
        default:
            plan.hasModel = true
            plan.earlyVersions = 1
            plan.stagingRelease = true
            plan.productionReleases = rng.chance(0.6) ? 2 : 1
            plan.pendingProduction = rng.chance(0.15)
            plan.rollback = plan.productionReleases == 2 && !plan.pendingProduction && rng.chance(0.05)
            plan.lateVersion = step >= 7 && rng.chance(0.2)
        }
        let challengeCount = rng.weightedIndex([45, 40, 15])
        for _ in 0..<challengeCount {
            plan.challenges.append(challenge(project: project, step: step, crew: crew, rng: &rng, config: config))
        }
        plan.comment = rng.chance(0.2)
        if !plan.hasOpenRequest {
            plan.finalStatus = ProjectStatus.allCases[rng.weightedIndex(statusWeights)]
            plan.archived = plan.finalStatus == .cancelled || (plan.finalStatus == .completed && rng.chance(0.5))
        }
        return plan
    }

    // MARK: Creation and kick-off

    static func create(_ projects: [GeneratedProject], _ script: inout DemoScript) {
        for generated in projects {
            script.createProject(by: generated.crew[.sponsor]!, generated.project)
        }
    }

    /// RACI for the first step and the current one. The lead names every Accountable first
    /// and fills in the teams afterwards: the core checks each new Accountable against every
    /// assignment, so this keeps large workspaces quick to build.
    static func kickOff(_ projects: [GeneratedProject], _ script: inout DemoScript) {
        for accountablesOnly in [true, false] {
            for generated in projects {
                for step in Set([0, generated.step]).sorted() {
                    DemoProjects.assignStep(generated.slug, step: step, crew: generated.crew, &script,
                                            only: accountablesOnly ? .accountable : nil)
                }
            }
        }
    }
}
