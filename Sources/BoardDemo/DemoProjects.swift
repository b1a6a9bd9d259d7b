import BoardCore

/// The parts people play on a project; each project maps them to handles.
enum CrewRole: CaseIterable, Sendable {
    case lead, sponsor, analyst, domainExpert, dataEngineer, scientist, secondScientist, mlEngineer, platform, compliance

    /// The workspace role a generated project draws this crew member from.
    var workspaceRole: String {
        switch self {
        case .lead: "data-science lead"
        case .sponsor: "executive sponsor"
        case .analyst: "business analyst"
        case .domainExpert: "domain expert"
        case .dataEngineer: "data engineer"
        case .scientist, .secondScientist: "data scientist"
        case .mlEngineer: "ML engineer"
        case .platform: "IT / DevOps / platform engineer"
        case .compliance: "compliance / risk officer"
        }
    }
}

typealias Crew = [CrewRole: String]

/// One of the eight hand-written projects.
struct CoreProject: Sendable {
    var project: NewProject
    /// Index of the lifecycle step the project reaches by the end of the demo.
    var finalStep: Int
    var crew: Crew
}

enum DemoProjects {
    static let churn = "churn-prediction"
    static let demand = "demand-forecasting"
    static let fraud = "fraud-detection"
    static let maintenance = "predictive-maintenance"
    static let credit = "credit-risk-scoring"
    static let supportJapan = "support-triage-ja"
    static let pricing = "dynamic-pricing"
    static let ocr = "invoice-ocr"

    /// The project that is overdue for retraining at `DemoWorkspace.now`.
    static let overdue = maintenance

    /// Who does what on each lifecycle step (by index), the Accountable first. A crew member
    /// who already has a part in a step is not given a second one.
    static let raciTemplate: [[(CrewRole, RACI)]] = [
        [(.sponsor, .accountable), (.analyst, .responsible), (.domainExpert, .consulted), (.scientist, .informed)],
        [(.lead, .accountable), (.dataEngineer, .responsible), (.compliance, .consulted), (.scientist, .informed)],
        [(.dataEngineer, .accountable), (.scientist, .responsible), (.domainExpert, .consulted)],
        [(.scientist, .accountable), (.secondScientist, .responsible), (.analyst, .consulted), (.domainExpert, .informed)],
        [(.lead, .accountable), (.scientist, .responsible), (.secondScientist, .responsible), (.mlEngineer, .consulted)],
        [(.lead, .accountable), (.secondScientist, .responsible), (.compliance, .consulted), (.domainExpert, .consulted),
         (.sponsor, .informed)],
        [(.mlEngineer, .accountable), (.platform, .responsible), (.scientist, .consulted), (.analyst, .informed)],
        [(.mlEngineer, .accountable), (.platform, .responsible), (.scientist, .responsible), (.domainExpert, .informed)],
        [(.scientist, .accountable), (.mlEngineer, .responsible), (.dataEngineer, .consulted)],
        [(.analyst, .accountable), (.scientist, .responsible), (.sponsor, .consulted), (.domainExpert, .informed)],
    ]

    private static func crew(_ overrides: Crew = [:]) -> Crew {
        let base: Crew = [
            .lead: DemoPeople.lead, .sponsor: DemoPeople.sponsor, .analyst: DemoPeople.analyst,
            .domainExpert: DemoPeople.domainExpert, .dataEngineer: DemoPeople.dataEngineer,
            .scientist: DemoPeople.scientist, .secondScientist: DemoPeople.forecaster,
            .mlEngineer: DemoPeople.mlEngineer, .platform: DemoPeople.platform, .compliance: DemoPeople.compliance,
        ]
        return base.merging(overrides) { _, new in new }
    }

    static let core: [CoreProject] = [
        CoreProject(
            project: NewProject(
                slug: churn, name: "Customer churn prediction",
                description: """
                    Scores every subscriber weekly on the risk of cancelling within 60 days, so the retention \
                    team can call the top decile first. Replaces a rules-based list that caught one churner in five.
                    """,
                goal: "customer satisfaction", otherGoals: ["new business opportunities / revenue"],
                priorityBasis: "business impact", impactAreas: ["customer satisfaction", "cost saving or revenue"],
                cadence: "monthly"),
            finalStep: 7, crew: crew()),
        CoreProject(
            project: NewProject(
                slug: demand, name: "Store demand forecasting",
                description: """
                    Daily unit forecasts per store and product for the next 14 days, feeding automatic \
                    replenishment. Fresh produce and promotions are the hard part.
                    """,
                goal: "operational efficiency", otherGoals: ["decision making"],
                priorityBasis: "business impact",
                impactAreas: ["operational efficiency", "cost saving or revenue", "prediction accuracy"],
                cadence: "weekly"),
            finalStep: 8,
            crew: crew([.scientist: DemoPeople.forecaster, .secondScientist: DemoPeople.scientist])),
        CoreProject(
            project: NewProject(
                slug: fraud, name: "Card-payment fraud detection",
                description: """
                    Real-time scoring of card-not-present payments; transactions above the cut-off go to \
                    manual review. Must keep recall at or above 0.80 while cutting false alarms for the call centre.
                    """,
                goal: "risk management", otherGoals: ["customer experience"],
                priorityBasis: "executive leadership",
                impactAreas: ["cost saving or revenue", "prediction accuracy", "competitive advantage"],
                cadence: "daily"),
            finalStep: 6,
            crew: crew([.scientist: DemoPeople.forecaster, .secondScientist: DemoPeople.scientist,
                        .mlEngineer: DemoPeople.leaver])),
        CoreProject(
            project: NewProject(
                slug: maintenance, name: "Predictive maintenance for conveyor motors",
                description: """
                    Survival model on vibration and temperature sensors of 340 conveyor motors in the two \
                    distribution centres; schedules replacements before failures stop a line.
                    """,
                goal: "operational efficiency", otherGoals: ["decision making", "risk management"],
                priorityBasis: "technical complexity",
                impactAreas: ["operational efficiency", "time saving", "cost saving or revenue"],
                cadence: "monthly"),
            finalStep: 9, crew: crew()),
        CoreProject(
            project: NewProject(
                slug: credit, name: "SME credit risk scoring",
                description: """
                    Probability-of-default scorecard for small-business credit lines up to 250k. Must be \
                    explainable to applicants and documented for the regulator before it may decide anything.
                    """,
                goal: "decision making", otherGoals: ["risk management"],
                priorityBasis: "executive leadership",
                impactAreas: ["prediction accuracy", "social impact", "cost saving or revenue"],
                cadence: "quarterly"),
            finalStep: 5, crew: crew()),
        CoreProject(
            project: NewProject(
                slug: supportJapan, name: "問い合わせ自動振り分け (support ticket triage, Japan)",
                description: """
                    日本語のお問い合わせメールを内容別に分類し、適切なサポートチームへ自動で振り分けます。
                    Routes Japanese customer-support e-mails to the right team; target: 80% routed without \
                    a human touch, first-response time halved.
                    """,
                goal: "customer experience", otherGoals: ["customer satisfaction", "operational efficiency"],
                priorityBasis: "customer feedback",
                impactAreas: ["customer satisfaction", "time saving", "employee satisfaction"],
                cadence: "when new data arrives"),
            finalStep: 4,
            crew: crew([.scientist: DemoPeople.nlpScientist, .secondScientist: DemoPeople.scientist])),
        CoreProject(
            project: NewProject(
                slug: pricing, name: "Dynamic pricing for the web shop",
                description: """
                    Price-elasticity estimates per category to suggest daily web-shop prices within the \
                    margin corridor merchandising sets.
                    """,
                goal: "new business opportunities / revenue", otherGoals: ["decision making"],
                priorityBasis: "time to market", impactAreas: ["cost saving or revenue", "competitive advantage"],
                cadence: "weekly"),
            finalStep: 3,
            crew: crew([.scientist: DemoPeople.forecaster, .secondScientist: DemoPeople.scientist])),
        CoreProject(
            project: NewProject(
                slug: ocr, name: "Invoice document OCR",
                description: """
                    Reads supplier invoices (scans and PDFs) into structured lines for accounts payable; \
                    today four clerks key them in by hand.
                    """,
                goal: "product development and innovation", otherGoals: ["operational efficiency"],
                priorityBasis: "resource availability",
                impactAreas: ["time saving", "innovation potential", "employee satisfaction"],
                cadence: "when accuracy falls below a threshold"),
            finalStep: 1,
            crew: crew([.scientist: DemoPeople.nlpScientist, .secondScientist: DemoPeople.scientist])),
    ]

    // MARK: Phases for the core projects

    /// Days 1 to 8: the lead and sponsor set up the projects.
    static func createCore(_ script: inout DemoScript) {
        for (index, spec) in core.enumerated() {
            let creator = index % 3 == 0 ? DemoPeople.sponsor : DemoPeople.lead
            script.createProject(by: creator, spec.project)
        }
    }

    /// Days 8 to 14: the RACI matrix for every step a project will reach (and the one after),
    /// and the first steps of the lifecycle.
    static func kickOffCore(_ script: inout DemoScript) {
        for spec in core {
            let last = min(spec.finalStep + 1, script.lifecycle.count - 1)
            for step in 0...last {
                assignStep(spec.project.slug, step: step, crew: spec.crew, &script)
            }
            script.advance(spec.project.slug, to: min(spec.finalStep, 2), by: spec.crew[.scientist]!)
        }
    }

    /// Assigns the crew to one step by the template; with `only`, just the parts of that kind.
    static func assignStep(_ project: String, step: Int, crew: Crew, _ script: inout DemoScript, only: RACI? = nil) {
        var placed: Set<String> = []
        for (role, raci) in raciTemplate[step] {
            guard let handle = crew[role], !placed.contains(handle) else { continue }
            placed.insert(handle)
            if only == nil || only == raci {
                script.assign(by: DemoPeople.lead, project, script.lifecycle[step], handle, raci)
            }
        }
    }

    /// Moves every core project on, up to `cap` (0-based), never past its final step.
    static func advanceCore(upTo cap: Int, _ script: inout DemoScript) {
        for spec in core {
            script.advance(spec.project.slug, to: min(spec.finalStep, cap), by: spec.crew[.scientist]!)
        }
    }

    /// Tom Brennan leaves: his parts go to Jonas, his open request is withdrawn, he is deactivated.
    static func handOverLeaver(_ script: inout DemoScript, openRequest: String) {
        let lead = DemoPeople.lead
        let keys = script.assignments.keys.filter { $0.stakeholder == DemoPeople.leaver }
            .sorted { ($0.project, $0.step) < ($1.project, $1.step) }
        for key in keys {
            let raci = script.assignments[key]!
            script.unassign(by: lead, key)
            if raci == .accountable {
                let heir = AssignmentKey(project: key.project, step: key.step, stakeholder: DemoPeople.mlEngineer)
                precondition(script.assignments[heir] == nil, "the heir already has a part in \(key.step)")
                script.assign(by: lead, key.project, key.step, DemoPeople.mlEngineer, .accountable)
            }
        }
        script.run(lead, .withdraw(request: openRequest))
        script.run(lead, .deactivateStakeholder(handle: DemoPeople.leaver))
    }

    /// Day 88: the pricing project is paused while merchandising decides between margin and volume.
    static func pausePricing(_ script: inout DemoScript) {
        script.run(DemoPeople.analyst, .setProjectStatus(slug: pricing, status: .onHold))
    }

    /// Days 95 to 98: the pricing project resumes, its description sharpened by the decision.
    static func resumePricing(_ script: inout DemoScript) {
        script.run(DemoPeople.analyst, .editProject(slug: pricing, ProjectEdit(
            description: """
                Price-elasticity estimates per category to suggest daily web-shop prices within the margin \
                corridor merchandising sets. Paused for a week while merchandising weighed margin against \
                volume; margin won.
                """,
            impactAreas: ["cost saving or revenue", "competitive advantage", "prediction accuracy"])))
        script.run(DemoPeople.lead, .setProjectStatus(slug: pricing, status: .active))
    }
}
