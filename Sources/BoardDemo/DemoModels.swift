import BoardCore

/// The core projects' models and the stories of their versions: first releases, a
/// replacement that archives its predecessor, an overridden gate, a rollback, a rejection,
/// a withdrawn request, and the requests still waiting for the lead.
enum DemoModels {
    static let churnModel = "churn-gbm"
    static let demandModel = "demand-lgbm"
    static let demandBaseline = "demand-prophet-baseline"
    static let fraudModel = "fraud-xgb"
    static let fraudGraph = "fraud-graph-embed"
    static let maintenanceModel = "motor-survival"
    static let creditModel = "sme-pd-scorecard"
    static let supportModel = "ticket-router-ja"
    static let pricingModel = "price-elasticity"
    static let ocrModel = "invoice-layout-ocr"

    /// The version whose open production request fails a metric gate.
    static let failingVersion = VersionRef(model: fraudModel, number: 2)

    private static let lead = DemoPeople.lead
    private static let jonas = DemoPeople.mlEngineer
    private static let priya = DemoPeople.scientist
    private static let mateo = DemoPeople.forecaster
    private static let kenji = DemoPeople.platform
    private static let rosa = DemoPeople.compliance
    private static let yuki = DemoPeople.nlpScientist
    private static let tom = DemoPeople.leaver

    static let models: [MLModel] = [
        MLModel(slug: churnModel, project: DemoProjects.churn, name: "Churn gradient boosting",
                description: "LightGBM on 18 months of usage, billing and support contacts.",
                thresholds: [.init(metric: "auc", comparison: .atLeast, value: 0.80),
                             .init(metric: "precision_top_decile", comparison: .atLeast, value: 0.40)],
                keyMetric: "auc"),
        MLModel(slug: demandModel, project: DemoProjects.demand, name: "Demand LightGBM (store × SKU)",
                description: "Global gradient-boosted model with calendar, price and promotion features.",
                thresholds: [.init(metric: "wmape", comparison: .atMost, value: 0.12),
                             .init(metric: "bias_abs", comparison: .atMost, value: 0.03)],
                keyMetric: "wmape"),
        MLModel(slug: demandBaseline, project: DemoProjects.demand, name: "Prophet baseline",
                description: "Per-store Prophet models, kept as the yardstick.",
                thresholds: [.init(metric: "wmape", comparison: .atMost, value: 0.12)], keyMetric: "wmape"),
        MLModel(slug: fraudModel, project: DemoProjects.fraud, name: "Fraud XGBoost scorer",
                description: "Gradient-boosted trees on transaction, device and merchant features; scored in under 40 ms.",
                thresholds: [.init(metric: "recall", comparison: .atLeast, value: 0.80),
                             .init(metric: "precision", comparison: .atLeast, value: 0.60),
                             .init(metric: "latency_p99_ms", comparison: .atMost, value: 40)],
                keyMetric: "recall"),
        MLModel(slug: fraudGraph, project: DemoProjects.fraud, name: "Merchant graph embeddings (experimental)",
                description: "Node2vec embeddings of the card–merchant graph as extra features.",
                thresholds: [.init(metric: "recall", comparison: .atLeast, value: 0.80)], keyMetric: "recall"),
        MLModel(slug: maintenanceModel, project: DemoProjects.maintenance, name: "Motor failure survival model",
                description: "Cox model with time-varying vibration and temperature covariates.",
                thresholds: [.init(metric: "c_index", comparison: .atLeast, value: 0.70)], keyMetric: "c_index"),
        MLModel(slug: creditModel, project: DemoProjects.credit, name: "SME probability-of-default scorecard",
                description: "Monotone logistic scorecard; every feature has a documented reason code.",
                thresholds: [.init(metric: "gini", comparison: .atLeast, value: 0.45),
                             .init(metric: "ks", comparison: .atLeast, value: 0.30)],
                keyMetric: "gini"),
        MLModel(slug: supportModel, project: DemoProjects.supportJapan, name: "問い合わせ分類モデル (BERT-ja)",
                description: "日本語BERTを微調整した12クラス分類器。Fine-tuned Japanese BERT, 12 queues.",
                thresholds: [.init(metric: "macro_f1", comparison: .atLeast, value: 0.75)], keyMetric: "macro_f1"),
        MLModel(slug: pricingModel, project: DemoProjects.pricing, name: "Category price elasticity",
                description: "Hierarchical Bayesian elasticities per category and channel.",
                thresholds: [.init(metric: "elasticity_mae", comparison: .atMost, value: 0.25)],
                keyMetric: "elasticity_mae"),
        MLModel(slug: ocrModel, project: DemoProjects.ocr, name: "Invoice layout OCR",
                description: "Vendor LayoutLM baseline, not yet trained on our own invoices.",
                thresholds: [.init(metric: "cer", comparison: .atMost, value: 0.05),
                             .init(metric: "field_f1", comparison: .atLeast, value: 0.90)],
                keyMetric: "field_f1"),
    ]

    /// Days 14 to 30: models registered and first versions logged.
    static func registerCore(_ script: inout DemoScript) {
        let owners: [String: String] = [
            churnModel: priya, demandModel: mateo, demandBaseline: mateo, fraudModel: mateo,
            maintenanceModel: priya, creditModel: priya, supportModel: yuki, pricingModel: mateo,
            ocrModel: DemoPeople.dataEngineer,
        ]
        for model in models where model.slug != fraudGraph {  // Tom registers that one later
            script.run(owners[model.slug]!, .registerModel(model))
        }
        script.registerVersion(by: priya, churnModel, ["auc": 0.812, "precision_top_decile": 0.43, "brier": 0.118],
                               source: "mlflow:runs/3f9c1a2e")
        script.registerVersion(by: mateo, demandBaseline, ["wmape": 0.142, "bias_abs": 0.034],
                               source: "mlflow:runs/0b77d410")
        script.registerVersion(by: mateo, demandModel, ["wmape": 0.118, "bias_abs": 0.021],
                               source: "mlflow:runs/a4e1905c")
        script.registerVersion(by: mateo, fraudModel, ["recall": 0.83, "precision": 0.64, "latency_p99_ms": 31],
                               source: "git:9c4be01")
        script.registerVersion(by: priya, maintenanceModel, ["c_index": 0.724, "brier_90d": 0.081],
                               source: "s3://ml-artifacts/motor-survival/2025-01-28")
        script.registerVersion(by: priya, creditModel, ["gini": 0.47, "ks": 0.33, "auc": 0.735],
                               source: "mlflow:runs/c2d8f7aa")
        script.registerVersion(by: yuki, supportModel, ["macro_f1": 0.71, "accuracy": 0.82],
                               source: "mlflow:runs/5e2b9d03")
        script.registerVersion(by: mateo, pricingModel, ["elasticity_mae": 0.31],
                               source: "git:e51a7c2")
        script.registerVersion(by: DemoPeople.dataEngineer, ocrModel, ["cer": 0.071, "field_f1": 0.86],
                               source: "hf:vendor/layout-invoice-base@v1.3")
    }

    /// Days 30 to 60: first releases to production, one replacing its predecessor.
    static func firstReleases(_ script: inout DemoScript) {
        let churn1 = VersionRef(model: churnModel, number: 1)
        script.promote(churn1, to: "staging", requestedBy: priya,
                       reason: "Beats the rules list on last quarter's holdout (AUC 0.81).", approvers: [lead])
        script.promote(churn1, to: "production", requestedBy: priya,
                       reason: "Shadow run for two weeks matched offline AUC; retention team ready.",
                       approvers: [jonas, rosa],
                       comments: ["Batch job and rollback runbook in place.", "No protected attributes used. OK."])

        let demand1 = VersionRef(model: demandModel, number: 1)
        script.promote(demand1, to: "staging", requestedBy: mateo,
                       reason: "WMAPE 0.118 against 0.142 for the Prophet baseline.", approvers: [jonas])
        script.promote(demand1, to: "production", requestedBy: mateo,
                       reason: "Replenishment team signed off the pilot in 12 stores.", approvers: [lead, kenji])
        let retireBaseline = script.request(
            by: mateo, VersionRef(model: demandBaseline, number: 1), to: "archived",
            reason: "LightGBM beats the baseline by 2.4 WMAPE points; keep the registry tidy.")
        script.approve(by: rosa, retireBaseline)

        let fraud1 = VersionRef(model: fraudModel, number: 1)
        script.promote(fraud1, to: "staging", requestedBy: mateo,
                       reason: "Recall 0.83 at 0.64 precision on November chargebacks.", approvers: [jonas])
        script.promote(fraud1, to: "production", requestedBy: mateo,
                       reason: "Replaces the vendor rules engine; review queue sized for 0.64 precision.",
                       approvers: [lead, rosa])

        let motor1 = VersionRef(model: maintenanceModel, number: 1)
        script.promote(motor1, to: "staging", requestedBy: priya,
                       reason: "C-index 0.72 on the 2024 failure log.", approvers: [kenji])
        script.promote(motor1, to: "production", requestedBy: priya,
                       reason: "Maintenance planners want the weekly risk list from Monday.", approvers: [jonas, lead])

        let churn2 = script.registerVersion(
            by: priya, churnModel, ["auc": 0.838, "precision_top_decile": 0.47, "brier": 0.109],
            source: "mlflow:runs/7d01c6b4")
        script.promote(churn2, to: "staging", requestedBy: priya,
                       reason: "Adds support-contact features; AUC 0.84.", approvers: [kenji])
        script.promote(churn2, to: "production", requestedBy: priya,
                       reason: "Better top-decile precision (0.47); same serving path as v1.",
                       approvers: [lead, jonas])

        let demand2 = script.registerVersion(by: mateo, demandModel, ["wmape": 0.104, "bias_abs": 0.015],
                                             source: "mlflow:runs/d90f3e21")
        script.promote(demand2, to: "staging", requestedBy: mateo,
                       reason: "Promotion-uplift features; WMAPE 0.104.", approvers: [kenji])
        script.promote(demand2, to: "production", requestedBy: mateo,
                       reason: "Four-week backtest better in every region.", approvers: [lead, rosa])

        script.promote(VersionRef(model: creditModel, number: 1), to: "staging", requestedBy: priya,
                       reason: "Gini 0.47 on the 2022–2024 book; ready for validation.", approvers: [lead])
    }

    /// Days 60 to 64: scheduled retrains, the last for predictive maintenance.
    static func midRetrains(_ script: inout DemoScript) {
        for spec in DemoProjects.core {
            guard let cadence = spec.project.cadence, DemoWorkspace.calendarCadences.contains(cadence) else { continue }
            script.run(spec.crew[.scientist]!, .recordRetrain(
                project: spec.project.slug, note: "Scheduled \(cadence) retrain on data up to last Sunday."))
        }
    }

    /// Days 64 to 88: recent work, leaving requests open for the lead.
    static func recentWork(_ script: inout DemoScript) {
        // Demand: v3 goes out over a critical data challenge, misbehaves, and is rolled back.
        let demand3 = script.registerVersion(by: mateo, demandModel, ["wmape": 0.097, "bias_abs": 0.012],
                                             source: "mlflow:runs/41ac8e9f")
        script.promote(demand3, to: "staging", requestedBy: mateo,
                       reason: "Weather features; WMAPE 0.097 offline.", approvers: [kenji])
        let posFeed = DemoChallenges.open("pos-feed", &script)
        let demand3Prod = script.request(by: mateo, demand3, to: "production",
                                         reason: "Easter is in three weeks; v3 handles the weekend bias.")
        script.approve(by: lead, demand3Prod, comment: "Go, with the store exclusion list applied.",
                       override: "The POS outage affects 18 of 420 stores; v3 is better for the other 402 and "
                           + "the 18 are excluded from automatic replenishment until the feed is fixed.")
        script.approve(by: jonas, demand3Prod,
                       override: "Agree with Amara; exclusion list deployed with the model.")
        script.comment(by: DemoPeople.domainExpert, on: .version(demand3),
                       "Fresh produce orders doubled on Tuesday for no reason I can see. Can someone look?")
        let swings = DemoChallenges.open("demand-swings", &script)
        script.run(lead, .rollback(model: demandModel,
                                   reason: "Fresh-produce forecasts swing ±30% day to day; back to v2 while we investigate."))
        script.settle(swings, to: .mitigated, by: mateo,
                      note: "Rolled back to v2; v3's weather join duplicated rows for two regions.")
        script.settle(posFeed, to: .resolved, by: DemoPeople.dataEngineer,
                      note: "Feed backfilled for all 18 stores; a row-count check now alerts on gaps.")

        // Churn: v3 has one of two production approvals and waits for the lead.
        let churn3 = script.registerVersion(
            by: priya, churnModel, ["auc": 0.857, "precision_top_decile": 0.49, "brier": 0.104],
            source: "mlflow:runs/b3f5a770")
        script.promote(churn3, to: "staging", requestedBy: priya,
                       reason: "Tenure-interaction features; AUC 0.86.", approvers: [jonas])
        let churn3Prod = script.request(by: priya, churn3, to: "production",
                                        reason: "Two weeks in staging; top-decile precision up to 0.49.",
                                        key: "churn-v3-production")
        script.approve(by: kenji, churn3Prod, comment: "Load test passed at three times peak traffic.")

        // Fraud: v2 trades recall for precision and fails the recall gate; Tom's experiment.
        let fraud2 = script.registerVersion(
            by: mateo, fraudModel, ["recall": 0.78, "precision": 0.71, "latency_p99_ms": 27], source: "git:1f0d3b8")
        script.promote(fraud2, to: "staging", requestedBy: mateo,
                       reason: "Fewer false alarms: precision 0.71.", approvers: [kenji])
        script.run(tom, .registerModel(models.first { $0.slug == fraudGraph }!))
        script.registerVersion(by: tom, fraudGraph, ["recall": 0.74, "precision": 0.58, "latency_p99_ms": 85],
                               source: "git:77ab2e4")
        DemoChallenges.open("fraud-timeouts", &script)
        script.request(by: mateo, fraud2, to: "production",
                       reason: "Call centre asks for fewer false alarms; v2 cuts them by a fifth.",
                       key: "fraud-v2-production")
        script.registerVersion(by: mateo, fraudModel, ["recall": 0.815, "precision": 0.69, "latency_p99_ms": 29],
                               source: "git:5aa90c1")

        // Predictive maintenance: v2 is rejected for production; v3 is in development.
        let motor2 = script.registerVersion(by: priya, maintenanceModel, ["c_index": 0.741, "brier_90d": 0.077],
                                            source: "s3://ml-artifacts/motor-survival/2025-03-10")
        script.promote(motor2, to: "staging", requestedBy: priya,
                       reason: "Adds ambient temperature; C-index 0.74.", approvers: [jonas])
        let motor2Prod = script.request(by: priya, motor2, to: "production",
                                        reason: "Better ranking of the top 20 motors at risk.")
        script.run(rosa, .reject(request: motor2Prod, comment: """
            Validated on line 3 only, and line 2's sensors were faulty in that window (see the data-quality \
            challenge). Please validate on both centres.
            """))
        script.registerVersion(by: priya, maintenanceModel, ["c_index": 0.752, "brier_90d": 0.074],
                               source: "s3://ml-artifacts/motor-survival/2025-03-24")

        // Credit: Tom asks for production before leaving; the lead withdraws it on hand-over.
        let tomsRequest = script.request(by: tom, VersionRef(model: creditModel, number: 1), to: "production",
                                         reason: "Scorecard validated; deploying before I leave.")
        DemoChallenges.open("deploy-knowledge", &script)
        DemoProjects.handOverLeaver(&script, openRequest: tomsRequest)
        let credit2 = script.registerVersion(by: priya, creditModel, ["gini": 0.52, "ks": 0.36, "auc": 0.76],
                                             source: "mlflow:runs/e6a1c0d9")
        script.request(by: priya, credit2, to: "staging",
                       reason: "Monotone constraints on turnover; Gini 0.52. Needs validation before production.")

        // Support triage (Japan): v2 waits for staging.
        let support2 = script.registerVersion(by: yuki, supportModel, ["macro_f1": 0.77, "accuracy": 0.86],
                                              source: "mlflow:runs/9d4470ab")
        script.request(by: yuki, support2, to: "staging",
                       reason: "マクロF1 0.77 (v1: 0.71)。Macro-F1 0.77, above the 0.75 bar.")

        // Pricing: v2 replaces v1, which the lead asks to archive (awaiting compliance).
        script.registerVersion(by: mateo, pricingModel, ["elasticity_mae": 0.24], source: "git:c09e4f2")
        script.request(by: lead, VersionRef(model: pricingModel, number: 1), to: "archived",
                       reason: "v1 used list prices instead of paid prices; nobody should build on it.")

        // Demand: v4 waits for staging.
        let demand4 = script.registerVersion(by: mateo, demandModel, ["wmape": 0.099, "bias_abs": 0.009],
                                             source: "mlflow:runs/f27c1d05")
        script.request(by: mateo, demand4, to: "staging",
                       reason: "v3's fix: weather joined on region and date; WMAPE 0.099, lowest bias yet.")
    }
}
