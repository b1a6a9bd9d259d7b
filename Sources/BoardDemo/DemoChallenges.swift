import BoardCore

/// The core tracker: 25 challenges in every category group, severity and status, with the
/// data-and-environment group largest and 'insufficient integration with existing systems'
/// the most frequent category, as in the domain brief's survey figures.
struct ChallengeSpec: Sendable {
    enum Phase: Sendable { case early, recent, story }

    var key: String
    var openedBy: String
    var challenge: NewChallenge
    var phase: Phase
    /// Where the challenge stands at the end of the demo.
    var finalStatus: ChallengeStatus
    var settledBy: String
    var note: String?
    /// Settled inside a model story rather than in the follow-up phase.
    var settledInStory = false
}

enum DemoChallenges {
    private static let integration = "insufficient integration with existing systems"

    private static func spec(
        _ key: String, by openedBy: String, _ project: String?, _ category: String, _ severity: Severity,
        owner: String, _ title: String, _ description: String, _ phase: ChallengeSpec.Phase,
        ends status: ChallengeStatus = .open, settledBy: String? = nil, note: String? = nil,
        inStory: Bool = false
    ) -> ChallengeSpec {
        ChallengeSpec(
            key: key, openedBy: openedBy,
            challenge: NewChallenge(project: project, category: category, severity: severity, owner: owner,
                                    title: title, description: description),
            phase: phase, finalStatus: status, settledBy: settledBy ?? owner, note: note, settledInStory: inStory)
    }

    static let core: [ChallengeSpec] = {
        typealias P = DemoPeople
        typealias J = DemoProjects
        return [
            // Data and environment: 9.
            spec("pos-feed", by: P.dataEngineer, J.demand, integration, .critical, owner: P.dataEngineer,
                 "POS feed drops weekend sales for 18 stores",
                 "Since the POS vendor's upgrade, Saturday and Sunday files for stores 41–58 arrive empty.",
                 .story, ends: .resolved, inStory: true),
            spec("erp-writeback", by: P.mlEngineer, nil, integration, .high, owner: P.platform,
                 "Model outputs cannot be written back to the ERP",
                 "Every team exports CSVs by hand; the ERP has no inbound API for scores or forecasts.",
                 .recent, ends: .inProgress, note: "Integration team building a staging table the ERP polls."),
            spec("crm-api", by: P.analyst, J.churn, integration, .medium, owner: P.platform,
                 "CRM does not accept churn scores via its API",
                 "Retention agents see yesterday's scores only after a manual upload.", .recent),
            spec("line2-sensors", by: P.domainExpert, J.maintenance, "low data quality", .high, owner: P.dataEngineer,
                 "Line 2 vibration sensors report zeros after firmware update",
                 "About 40 motors on line 2 read exactly 0.0 mm/s between 02:00 and 05:00.", .early,
                 ends: .mitigated, note: "Readings in the faulty window are masked; vendor patch scheduled."),
            spec("missing-turnover", by: P.scientist, J.credit, "low data quality", .medium, owner: P.scientist,
                 "Turnover missing for 12% of SME applicants",
                 "Mostly sole traders applying on the mobile app, where the field is optional.", .early,
                 ends: .inProgress),
            spec("invoice-archive", by: P.dataEngineer, J.ocr, "lack of data access", .high, owner: P.lead,
                 "No access to the scanned invoice archive",
                 "The archive sits with the outsourcing partner; our contract gives no bulk export.", .early),
            spec("competitor-feed", by: P.forecaster, J.pricing, "lack of data access", .medium, owner: P.sponsor,
                 "Competitor price feed licence not signed",
                 "Without competitor prices the elasticities confuse our discounts with the market's.", .early,
                 ends: .resolved, note: "Licence signed; the feed lands daily at 06:00."),
            spec("three-crms", by: P.analyst, nil, "data silos", .high, owner: P.dataEngineer,
                 "Customer data split across three CRMs",
                 "Retail, business and web-shop customers live in separate CRMs with no shared customer id.",
                 .early),
            spec("ja-tokenizer", by: P.nlpScientist, J.supportJapan, "limited availability of suitable tools", .low,
                 owner: P.platform, "No Japanese tokenizer in the approved tool list",
                 "日本語の形態素解析器が承認済みイメージにありません。MeCab or Sudachi needed.", .early,
                 ends: .resolved, note: "MeCab and SudachiPy added to the approved training image."),
            // Organisational: 6.
            spec("gpu-budget", by: P.lead, nil, "limited budget and resources", .high, owner: P.sponsor,
                 "GPU budget frozen until Q3",
                 "Only the shared 4-GPU node is available; fine-tuning jobs queue for days.", .early),
            spec("labelling-budget", by: P.nlpScientist, J.ocr, "limited budget and resources", .medium,
                 owner: P.sponsor, "No budget for labelling invoices",
                 "A vendor quoted 38k for 20,000 labelled invoices.", .early,
                 ends: .wontFix, note: "No labelling budget this year; the clerks' corrections become labels instead."),
            spec("pricing-goal", by: P.forecaster, J.pricing, "difficulty defining project goals", .medium,
                 owner: P.analyst, "Pricing goal unclear: margin or volume?",
                 "Merchandising and finance want opposite things from the same prices.", .early, ends: .inProgress),
            spec("routing-definition", by: P.nlpScientist, J.supportJapan, "difficulty defining project goals", .low,
                 owner: P.analyst, "No agreed definition of a correctly routed ticket",
                 "Queues re-route about 15% of tickets by hand, for reasons nobody recorded.", .early,
                 ends: .resolved, note: "Agreed with the support leads: correct if not re-routed within 24 hours."),
            spec("deploy-knowledge", by: P.mlEngineer, nil, "lack of skilled talent", .high, owner: P.lead,
                 "Only one engineer knows the deployment pipeline",
                 "Tom is leaving on Friday and nobody else has deployed the fraud scorer.", .story,
                 ends: .mitigated, note: "Runbook written; Kenji and Jonas paired on two deployments."),
            spec("uplift-measurement", by: P.sponsor, J.churn, "difficulty measuring results", .medium,
                 owner: P.analyst, "Retention uplift not measured against a control group",
                 "We cannot tell the board how many customers the calls actually kept.", .recent),
            // Trust: 4.
            spec("invoice-pii", by: P.compliance, J.ocr, "insufficient data security and privacy", .critical,
                 owner: P.compliance, "Invoices contain personal data and no processing agreement covers them",
                 """
                 Sole-trader invoices carry names, home addresses and bank details. No data-processing agreement \
                 with the OCR vendor yet, so no invoice may leave our network.
                 """, .early),
            spec("ticket-phone-numbers", by: P.compliance, J.supportJapan, "insufficient data security and privacy",
                 .high, owner: P.nlpScientist, "Ticket texts contain customer phone numbers",
                 "お問い合わせ本文に電話番号が含まれています。Training data must be masked first.", .early,
                 ends: .mitigated, note: "Phone numbers and e-mail addresses masked; an audit sample of 500 was clean."),
            spec("postcode-proxy", by: P.domainExpert, J.credit, "ethical concerns", .high, owner: P.compliance,
                 "Postcode feature may proxy for ethnicity",
                 "Two postcode districts carry most of the score's weight for sole traders.", .early, ends: .inProgress),
            spec("model-register", by: P.compliance, nil, "ineffective data governance", .low, owner: P.compliance,
                 "No register of the models in use",
                 "Audit asked which models make decisions about customers; nobody could list them.", .early,
                 ends: .resolved, note: "This board is now the register; every production model is in it."),
            // Operations: 6.
            spec("churn-drift", by: P.scientist, J.churn, "data drift", .medium, owner: P.scientist,
                 "Churn score distribution shifted after the price change",
                 "Share of customers above the call threshold rose from 10% to 16% in a week.", .recent,
                 ends: .inProgress),
            spec("fraud-drift", by: P.forecaster, J.fraud, "data drift", .medium, owner: P.forecaster,
                 "New payment provider changed feature distributions",
                 "Device fingerprints from the new provider are hashed differently.", .recent),
            spec("fraud-timeouts", by: P.mlEngineer, J.fraud, "model failures", .critical, owner: P.platform,
                 "Scoring service timed out in the peak-load test",
                 "At 2.5 times Black Friday volume, 4% of payments went unscored.", .story,
                 ends: .resolved, note: "Scoring pods now autoscale on queue depth; the 3x load test passed."),
            spec("demand-swings", by: P.domainExpert, J.demand, "inconsistent production performance", .high,
                 owner: P.forecaster, "Fresh-produce forecasts swing ±30% day to day",
                 "Stores over-ordered lettuce twice in one week after v3 went live.", .story,
                 ends: .mitigated, inStory: true),
            spec("cuda-mismatch", by: P.mlEngineer, J.maintenance, "managing multiple environments", .low,
                 owner: P.platform, "Staging runs a different CUDA version than production",
                 "A model that passed in staging failed to load in production once.", .recent,
                 ends: .wontFix, note: "Staging follows production's CUDA at the next platform upgrade."),
            spec("regulator-docs", by: P.compliance, J.credit, "governance compliance", .medium, owner: P.compliance,
                 "Model documentation not in the regulator's format",
                 "The supervisor's template asks for a challenger model and stability tests we do not have.",
                 .recent),
        ]
    }()

    static func named(_ key: String) -> ChallengeSpec {
        guard let found = core.first(where: { $0.key == key }) else { preconditionFailure("no demo challenge '\(key)'") }
        return found
    }

    /// Opens the challenge named `key` and returns its id.
    @discardableResult
    static func open(_ key: String, _ script: inout DemoScript) -> String {
        let found = named(key)
        return script.openChallenge(by: found.openedBy, found.challenge, key: key)
    }

    static func openCore(_ phase: ChallengeSpec.Phase, _ script: inout DemoScript) {
        for found in core where found.phase == phase {
            script.openChallenge(by: found.openedBy, found.challenge, key: found.key)
        }
    }

    /// Days 88 to 95: challenges move on, one is re-rated, and people discuss.
    static func followUp(_ script: inout DemoScript) {
        for found in core where !found.settledInStory && found.finalStatus != .open {
            script.settle(script.challengeIDs[found.key]!, to: found.finalStatus, by: found.settledBy, note: found.note)
        }
        let fraudDrift = script.challengeIDs["fraud-drift"]!
        script.run(DemoPeople.forecaster, .editChallenge(id: fraudDrift, ChallengeEdit(
            description: """
                Device fingerprints from the new provider are hashed differently; chargebacks on that provider \
                doubled in two weeks.
                """,
            severity: .high)))

        typealias P = DemoPeople
        let fraud2 = DemoModels.failingVersion
        script.comment(by: P.sponsor, on: .project(DemoProjects.churn),
                       "Great to see churn scores in production. Can we have a monthly read-out for the exec team?")
        script.comment(by: P.analyst, on: .project(DemoProjects.churn),
                       "Yes: first read-out on the 1st, with the control-group question still open.")
        script.comment(by: P.forecaster, on: .version(fraud2), """
            v2 trades recall for precision: recall 0.78 (v1: 0.83), precision 0.71 (v1: 0.64).
            About 900 fewer false alarms a week for the call centre.
            """)
        script.comment(by: P.compliance, on: .request(script.requestIDs["fraud-v2-production"]!), """
            Recall 0.78 is under our 0.80 floor. I will not approve this without a written override \
            that the fraud-loss owner has signed.
            """)
        script.comment(by: P.mlEngineer, on: .request(script.requestIDs["churn-v3-production"]!),
                       "Serving config unchanged from v2; rollback is one command.")
        script.comment(by: P.compliance, on: .challenge(script.challengeIDs["invoice-pii"]!),
                       "Legal is drafting the processing agreement; expect two weeks.")
        script.comment(by: P.dataEngineer, on: .challenge(script.challengeIDs["invoice-pii"]!),
                       "Meanwhile I can run the vendor model on-premises on a masked sample of 200 invoices.")
        script.comment(by: P.dataEngineer, on: .challenge(script.challengeIDs["three-crms"]!), """
            Proposal:
            1. match on e-mail and phone across the three CRMs,
            2. mint a shared customer id in the warehouse,
            3. backfill 24 months.
            """)
        script.comment(by: P.nlpScientist, on: .project(DemoProjects.supportJapan),
                       "来週までにラベル付けガイドラインを更新します。Labelling guide update next week.")
    }
}
