import BoardCore
import Foundation

/// A small state in which every stored property of every entity holds a value its initialiser
/// would not give it: optionals set, lists and strings non-empty, numbers non-zero, and every
/// flag equal to `flags`. Each string is distinct, so a codec that swaps two fields shows it.
/// `unsetFields` keeps it that way when entities gain fields.
enum FullStateFixture {
    static func state(flags: Bool) -> BoardState {
        let at = { (millis: Int64) in Instant(millis: 1_700_000_000_000 + millis) }
        var config = WorkspaceConfig.defaults(name: "Every field")
        config.schemaVersion = 7
        config.retrainingCadences = [RetrainingCadence(name: "weekly", days: 7)]
        config.policy = PromotionPolicy(
            productionStage: "production", archiveStage: "archived", approvalsRequired: ["production": 2, "staging": 1],
            archiveReplacedVersion: flags, blockingSeverity: .critical, aliases: ["champion": "production"])
        config.mlflow = MLflowSettings(projects: ["Churn Model": "churn"])
        var state = BoardState(config: config)

        state.projects["churn"] = Project(
            slug: "churn", name: "Churn model", description: "Predicts churn", goal: "retention",
            otherGoals: ["revenue", "cost"], priorityBasis: "impact", impactAreas: ["sales"], cadence: "weekly",
            step: "modelling", status: .onHold, archived: flags, createdAt: at(1), createdBy: "lea", lastRetrainAt: at(2))
        state.stakeholders["lea"] = Stakeholder(
            handle: "lea", name: "Lea Lead", role: "lead", email: "lea@example.com", isLead: flags,
            approvalStages: ["staging", "production"], active: flags)
        let key = AssignmentKey(project: "churn", step: "deployment", stakeholder: "lea")
        state.assignments[key] = Assignment(project: "churn", step: "deployment", stakeholder: "lea", raci: .consulted)
        state.models["churn-gbm"] = MLModel(
            slug: "churn-gbm", project: "churn", name: "Gradient boosting", description: "GBM on events",
            thresholds: [MetricThreshold(metric: "auc", comparison: .atMost, value: 0.25)], keyMetric: "auc",
            aliases: ["champion": 3])
        let ref = VersionRef(model: "churn-gbm", number: 3)
        state.versions[ref] = ModelVersion(
            ref: ref, metrics: ["auc": 0.81, "f1": -1.5e-7], source: "run-42", stage: "staging",
            registeredAt: at(3), registeredBy: "max",
            lineage: VersionLineage(
                sourceURI: "runs:/42/model", runID: "run-42-id", codeCommit: "abc123", dataset: "events-2026-10",
                tags: ["team": "retention"]))

        var request = PromotionRequest(
            id: "PR-1", version: ref, fromStage: "staging", toStage: "production", reason: "beats v2",
            requestedBy: "max", requestedAt: at(4), alias: "champion")
        request.status = .superseded
        request.approvals = [Approval(
            by: "lea", at: at(5), comment: "fine", overrideReason: "gate waived", failedGates: ["auc"],
            signature: flags ? .verified(fingerprint: "SHA256:approver") : .bad(reason: "signed with another key"))]
        request.closedAt = at(6)
        request.closedBy = "ops"
        request.closingComment = "replaced by PR-2"
        state.requests[request.id] = request

        var challenge = Challenge(
            id: "CH-1", project: "churn", category: "data quality", severity: .high, owner: "ana",
            title: "Missing labels", description: "Labels lag a week", openedAt: at(7), openedBy: "ana")
        challenge.status = .wontFix
        challenge.resolution = "accepted risk"
        challenge.updatedAt = at(8)
        state.challenges[challenge.id] = challenge

        state.stageMoves = [StageMove(version: ref, from: "development", to: "staging", at: at(20), by: "lea", reason: "ready", request: "PR-1")]
        state.aliasMoves = [AliasMove(
            model: "churn-gbm", alias: "champion", from: 2, to: 3, at: at(22), by: "ops", reason: "promoted", request: "PR-2",
            sequence: 40)]
        state.bridgeSyncs["mlflow"] = BridgeSync(
            bridge: "mlflow", target: "http://mlflow.internal:5000", pulled: 2, pushed: 3, at: at(23), by: "ops", sequence: 39)
        state.activity = [ActivityEntry(
            sequence: 41, at: at(21), actor: "lea", summary: "moved churn-gbm v3",
            signature: flags ? .bad(reason: "not registered") : .verified(fingerprint: "SHA256:activity"))]
        state.signing.keys["SHA256:lea"] = SigningKey(
            fingerprint: "SHA256:lea", handle: "lea", publicKey: "ssh-ed25519 AAAAlea", addedAt: 3, revokedAt: 30)
        state.signing.root = "SHA256:root"
        state.signing.policy = flags ? .required : .off
        state.signing.policySince = 4
        state.counters.requests = 1
        state.counters.challenges = 2
        state.counters.comments = 4
        state.lastSequence = 42
        return state
    }

    /// Paths of stored properties under `value` that hold what a forgetful codec would leave
    /// behind: nil, empty text or collections, zero, or a flag other than `flags`.
    static func unsetFields(in value: Any, path: String = "state", flags: Bool) -> [String] {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first else { return [path] }
            return unsetFields(in: wrapped.value, path: path, flags: flags)
        case .collection, .dictionary, .set:
            if mirror.children.isEmpty { return [path] }
            return mirror.children.enumerated().flatMap { index, child in
                unsetFields(in: child.value, path: "\(path)[\(index)]", flags: flags)
            }
        default:
            break
        }
        switch value {
        case let text as String: return text.isEmpty ? [path] : []
        case let flag as Bool: return flag == flags ? [] : [path]
        case let number as Int: return number == 0 ? [path] : []
        case let number as Int64: return number == 0 ? [path] : []
        case let number as Double: return number == 0 ? [path] : []
        default:
            return mirror.children.enumerated().flatMap { index, child in
                unsetFields(in: child.value, path: "\(path).\(child.label ?? "\(index)")", flags: flags)
            }
        }
    }
}
