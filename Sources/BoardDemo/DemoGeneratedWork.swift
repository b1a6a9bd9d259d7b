import BoardCore

/// The generated projects' models, promotions, challenges and wrap-up, phase by phase.
/// Their production requests always pass the metric gates, and critical challenges only
/// appear on projects that have not reached model validation, so the core's one failing
/// gate stays the only one.
extension DemoGenerated {
    /// Category weights from the brief's survey figures, in the default categories' order.
    static let categoryWeights = [25, 22, 21, 16, 27, 21, 20, 19, 16, 23, 16, 14, 12, 11, 11, 10, 10, 9, 9]
    static let severityWeights = [20, 40, 30, 10]  // low, medium, high, critical
    static let challengeStatusWeights = [35, 20, 15, 22, 8]  // open, in progress, mitigated, resolved, won't fix

    static let challengeTitles: [String: String] = [
        "limited budget and resources": "No budget for the extra compute this needs",
        "difficulty defining project goals": "Stakeholders disagree on what success means",
        "lack of skilled talent": "Nobody on the team has shipped this kind of model",
        "difficulty measuring results": "No baseline to measure the business effect against",
        "insufficient integration with existing systems": "Scores cannot be fed into the operational system",
        "low data quality": "Key fields missing or wrong in the source data",
        "lack of data access": "Waiting for access to the source tables",
        "data silos": "Needed data sits with another department",
        "limited availability of suitable tools": "Required library not on the approved tool list",
        "insufficient data security and privacy": "Training data contains personal data",
        "ethical concerns": "A feature may disadvantage a protected group",
        "ineffective data governance": "Nobody owns the definitions of the input data",
        "managing multiple environments": "Staging and production environments differ",
        "governance compliance": "Documentation does not meet the audit standard",
        "data drift": "Input distributions drifted since the last release",
        "inconsistent production performance": "Live accuracy below the offline estimate",
        "model failures": "Scoring job failed on malformed input",
        "managing dependencies and versions": "Library upgrade breaks model loading",
        "inefficient retraining": "Retraining takes too long for the cadence",
    ]

    private static let projectComments = [
        "Kick-off notes are in the shared drive.",
        "Can we review the RACI for this at the next stand-up?",
        "Data extract refreshed; the numbers in the deck are updated.",
        "Business owner confirmed the success metric.",
        "Demo to the steering committee went well; they want a monthly update.",
    ]

    private static func owner(for category: ChallengeCategory, crew: Crew) -> String {
        switch category.group {
        case "organisational": crew[.lead]!
        case "data and environment": crew[.dataEngineer]!
        case "trust": crew[.compliance]!
        default: crew[.mlEngineer]!
        }
    }

    static func challenge(
        project: String, step: Int, crew: Crew, rng: inout SplitMix64, config: WorkspaceConfig
    ) -> GeneratedChallenge {
        let category = config.challengeCategories[rng.weightedIndex(categoryWeights)]
        var severity = Severity.allCases[rng.weightedIndex(severityWeights)]
        if severity == .critical && step > 4 { severity = .high }
        let opener = rng.chance(0.6) ? crew[.scientist]! : crew[.analyst]!
        return GeneratedChallenge(
            openedBy: opener,
            challenge: NewChallenge(
                project: project, category: category.name, severity: severity,
                owner: owner(for: category, crew: crew), title: challengeTitles[category.name] ?? category.name,
                description: "Raised on \(project) while at step '\(config.lifecycleSteps[step])'."),
            finalStatus: ChallengeStatus.allCases[rng.weightedIndex(challengeStatusWeights)])
    }

    static func orgWideChallenge(crew: Crew, rng: inout SplitMix64, config: WorkspaceConfig) -> GeneratedChallenge {
        let category = config.challengeCategories[rng.weightedIndex(categoryWeights)]
        let severity = rng.chance(0.5) ? Severity.medium : .high
        return GeneratedChallenge(
            openedBy: crew[.lead]!,
            challenge: NewChallenge(
                project: nil, category: category.name, severity: severity, owner: owner(for: category, crew: crew),
                title: "\(challengeTitles[category.name] ?? category.name) (several teams)",
                description: "Seen across several projects; tracked once for the whole organisation."),
            finalStatus: ChallengeStatus.allCases[rng.weightedIndex(challengeStatusWeights)])
    }

    // MARK: Metrics

    private static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    /// Metrics that meet the project's threshold.
    static func passingMetrics(_ useCase: UseCase, _ rng: inout SplitMix64) -> [String: Double] {
        let margin = useCase.spread * rng.double(in: 0.1...1)
        let value = useCase.comparison == .atLeast ? useCase.threshold + margin : max(0, useCase.threshold - margin)
        return [useCase.metric: rounded(value), "latency_p95_ms": Double(5 + rng.int(below: 120))]
    }

    /// Metrics of a version still in development, either side of the threshold.
    static func developmentMetrics(_ useCase: UseCase, _ rng: inout SplitMix64) -> [String: Double] {
        let value = max(0, useCase.threshold + useCase.spread * rng.double(in: -1...1))
        return [useCase.metric: rounded(value), "latency_p95_ms": Double(5 + rng.int(below: 200))]
    }

    private static func source(_ rng: inout SplitMix64) -> String {
        rng.chance(0.7) ? "mlflow:runs/\(rng.hex(8))" : "git:\(rng.hex(7))"
    }

    // MARK: Phases

    /// Days 14 to 30: models and first versions.
    static func registerModels(_ projects: [GeneratedProject], _ script: inout DemoScript) {
        for generated in projects where generated.plan.hasModel {
            var rng = generated.rng(1)
            let useCase = generated.useCase
            let scientist = generated.crew[.scientist]!
            script.run(scientist, .registerModel(MLModel(
                slug: generated.model, project: generated.slug, name: useCase.modelName,
                description: "\(useCase.modelName) for \(generated.project.name).",
                thresholds: [MetricThreshold(metric: useCase.metric, comparison: useCase.comparison,
                                             value: useCase.threshold)],
                keyMetric: useCase.metric)))
            for _ in 0..<generated.plan.earlyVersions {
                let metrics = generated.step >= 5 ? passingMetrics(useCase, &rng) : developmentMetrics(useCase, &rng)
                script.registerVersion(by: scientist, generated.model, metrics, source: source(&rng))
            }
        }
    }

    /// Days 30 to 60: staging and production releases, and requests left open.
    static func releases(_ projects: [GeneratedProject], team: DemoTeam, _ script: inout DemoScript) {
        for generated in projects where generated.plan.hasModel {
            var rng = generated.rng(2)
            let plan = generated.plan
            let scientist = generated.crew[.scientist]!
            let model = generated.model
            func stagingApprover() -> [String] {
                team.approvers(team.stagingApprovers, count: 1, excluding: scientist, &rng)
            }
            func productionApprovers(_ count: Int) -> [String] {
                team.approvers(team.productionApprovers, count: count, excluding: scientist, &rng)
            }
            let first = VersionRef(model: model, number: 1)
            if plan.stagingRelease {
                script.promote(first, to: "staging", requestedBy: scientist,
                               reason: "Meets the \(generated.useCase.metric) bar on the holdout.",
                               approvers: stagingApprover())
            }
            for release in 0..<plan.productionReleases {
                var version = first
                if release > 0 {
                    version = script.registerVersion(by: scientist, model, passingMetrics(generated.useCase, &rng),
                                                     source: source(&rng))
                    script.promote(version, to: "staging", requestedBy: scientist,
                                   reason: "Retrained with the latest quarter.", approvers: stagingApprover())
                }
                script.promote(version, to: "production", requestedBy: scientist,
                               reason: "Shadow run matched the offline figures.", approvers: productionApprovers(2))
            }
            if plan.pendingProduction {
                let version = script.registerVersion(by: scientist, model, passingMetrics(generated.useCase, &rng),
                                                     source: source(&rng))
                script.promote(version, to: "staging", requestedBy: scientist,
                               reason: "Candidate for the next release.", approvers: stagingApprover())
                let id = script.request(by: scientist, version, to: "production",
                                        reason: "Better on every segment in staging.")
                script.approve(by: productionApprovers(1)[0], id)
            }
            if plan.pendingStaging {
                script.request(by: scientist, VersionRef(model: model, number: plan.earlyVersions), to: "staging",
                               reason: "Ready for integration tests.")
            }
        }
    }

    /// Days 64 to 88: rollbacks, new experiments and the challenges people raise.
    static func recentWork(_ projects: [GeneratedProject], _ script: inout DemoScript) {
        for generated in projects {
            var rng = generated.rng(3)
            if generated.plan.rollback {
                script.run(DemoPeople.lead, .rollback(model: generated.model,
                                                      reason: "Live error twice the offline estimate; back to v1."))
            }
            if generated.plan.lateVersion {
                script.registerVersion(by: generated.crew[.scientist]!, generated.model,
                                       developmentMetrics(generated.useCase, &rng), source: source(&rng))
            }
            for (index, planned) in generated.plan.challenges.enumerated() {
                script.openChallenge(by: planned.openedBy, planned.challenge, key: "gen-\(generated.number)-\(index)")
            }
        }
    }

    /// Days 88 to 95: challenges move on and people comment.
    static func followUp(_ projects: [GeneratedProject], _ script: inout DemoScript) {
        for generated in projects {
            var rng = generated.rng(4)
            for (index, planned) in generated.plan.challenges.enumerated() where planned.finalStatus != .open {
                let note: String? = switch planned.finalStatus {
                case .resolved: "Fixed at the source and checked on a fresh extract."
                case .wontFix: "Accepted risk; revisit next quarter."
                case .mitigated: "Workaround in place until the root cause is fixed."
                default: nil
                }
                script.settle(script.challengeIDs["gen-\(generated.number)-\(index)"]!, to: planned.finalStatus,
                              by: planned.challenge.owner!, note: note)
            }
            if generated.plan.comment {
                script.comment(by: generated.crew[.analyst]!, on: .project(generated.slug), rng.pick(projectComments))
            }
        }
    }

    /// Days 95 to 98: some projects pause, finish or are cancelled; finished ones are archived.
    static func wrapUp(_ projects: [GeneratedProject], _ script: inout DemoScript) {
        for generated in projects where generated.plan.finalStatus != .active {
            script.run(generated.crew[.sponsor]!, .setProjectStatus(slug: generated.slug, status: generated.plan.finalStatus))
            if generated.plan.archived {
                script.run(DemoPeople.lead, .archiveProject(slug: generated.slug))
            }
        }
    }
}
