import Foundation
import BoardCore

/// What a form is for, and how its values become a command.
public enum FormPurpose: Sendable {
    case newProject
    case editProject(slug: String)
    case newVersion(model: String)
    case editChallenge(id: String)
    case newStakeholder
    case newChallenge(project: String?)
    case moveChallenge(id: String)
    case comment(CommentTarget)
    case requestPromotion(VersionRef)
    case approve(requestID: String, gatesFail: Bool)
    case reject(requestID: String)

    /// The commands the form's values describe, in order: one, except for a project's edit,
    /// which moves its step and sets its status through their own commands (and rules).
    func commands(from form: Form) -> [Command] {
        guard case .editProject(let slug) = self else { return [command(from: form)] }
        let edit = command(from: form)
        var moves: [Command] = []
        if let step = form.changed("step") { moves.append(.setProjectStep(slug: slug, step: step)) }
        if let status = form.changed("status").flatMap(ProjectStatus.init(rawValue:)) {
            moves.append(.setProjectStatus(slug: slug, status: status))
        }
        if case .editProject(_, let changes) = edit, changes.isEmpty, !moves.isEmpty { return moves }
        return [edit] + moves
    }

    /// The command the form's values describe.
    func command(from form: Form) -> Command {
        switch self {
        case .newProject:
            return .createProject(NewProject(
                slug: form.value("slug"), name: form.value("name"), description: form.value("description"),
                goal: form.value("goal"), priorityBasis: form.optional("priority"), cadence: form.optional("cadence"),
                step: form.optional("step")))
        case .editProject(let slug):
            return .editProject(slug: slug, ProjectEdit(
                name: form.changed("name"), description: form.changed("description"), goal: form.changed("goal"),
                priorityBasis: form.changed("priority"), cadence: form.changed("cadence")))
        case .newVersion(let model):
            var metrics: [String: Double] = [:]
            for pair in form.value("metrics").split(separator: ",") {
                let parts = pair.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, let value = Double(parts[1]) { metrics[parts[0]] = value } else { metrics[String(pair)] = .nan }
            }
            return .registerVersion(model: model, metrics: metrics, source: form.value("source"))
        case .editChallenge(let id):
            return .editChallenge(id: id, ChallengeEdit(
                title: form.changed("title"), description: form.changed("description"), category: form.changed("category"),
                severity: form.changed("severity").flatMap(Severity.init(rawValue:)),
                owner: form.changed("owner").map { $0 == "(none)" ? "" : $0 }))
        case .newStakeholder:
            let stages = form.value("approves").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return .addStakeholder(Stakeholder(
                handle: form.value("handle"), name: form.value("name"), role: form.value("role"),
                approvalStages: stages.filter { !$0.isEmpty && $0 != "none" }))
        case .newChallenge:
            return .openChallenge(NewChallenge(
                project: form.optional("project").flatMap { $0 == "(organisation-wide)" ? nil : $0 },
                category: form.value("category"), severity: Severity(rawValue: form.value("severity")) ?? .medium,
                owner: form.optional("owner").flatMap { $0 == "(none)" ? nil : $0 }, title: form.value("title"),
                description: form.value("description")))
        case .moveChallenge(let id):
            return .moveChallenge(
                id: id, to: ChallengeStatus(rawValue: form.value("status")) ?? .open, note: form.optional("note"))
        case .comment(let target):
            return .comment(on: target, body: form.value("body"))
        case .requestPromotion(let ref):
            let target = form.value("stage")
            if target.hasPrefix("@") {
                return .requestAliasMove(version: ref, alias: String(target.dropFirst()), reason: form.value("reason"))
            }
            return .requestPromotion(version: ref, to: target, reason: form.value("reason"))
        case .approve(let id, _):
            return .approve(request: id, comment: form.optional("comment"), overrideReason: form.optional("override"))
        case .reject(let id):
            return .reject(request: id, comment: form.value("comment"))
        }
    }

    /// Governance actions ask for confirmation after the form.
    var needsConfirmation: Bool {
        switch self {
        case .approve, .reject: true
        default: false
        }
    }
}

/// Builds the forms, offering the workspace's vocabularies as choices.
enum Forms {
    static func newProject(_ config: WorkspaceConfig) -> Form {
        Form(title: "New project", purpose: .newProject, fields: [
            FormField("slug", "Slug", required: true),
            FormField("name", "Name", required: true),
            FormField("goal", "Goal", kind: .choice(config.businessGoals), value: config.businessGoals.first ?? "", required: true),
            FormField("priority", "Priority basis", kind: .choice(config.prioritisationBases), value: config.prioritisationBases.first ?? ""),
            FormField("cadence", "Retraining cadence", kind: .choice(config.retrainingCadences.map(\.name)),
                      value: config.retrainingCadences.first?.name ?? ""),
            FormField("step", "Lifecycle step", kind: .choice(config.lifecycleSteps), value: config.lifecycleSteps.first ?? ""),
            FormField("description", "Description"),
        ])
    }

    static func editProject(_ project: Project, config: WorkspaceConfig) -> Form {
        Form(title: "Edit project \(project.slug)", purpose: .editProject(slug: project.slug), fields: [
            FormField("name", "Name", value: project.name, required: true),
            FormField("goal", "Goal", kind: .choice(config.businessGoals), value: project.goal),
            FormField("priority", "Priority basis", kind: .choice(config.prioritisationBases), value: project.priorityBasis ?? ""),
            FormField("cadence", "Retraining cadence", kind: .choice(config.retrainingCadences.map(\.name)), value: project.cadence ?? ""),
            FormField("step", "Lifecycle step", kind: .choice(config.lifecycleSteps), value: project.step),
            FormField("status", "Status", kind: .choice(ProjectStatus.allCases.map(\.rawValue)), value: project.status.rawValue),
            FormField("description", "Description", value: project.description),
        ])
    }

    static func newVersion(of model: MLModel) -> Form {
        let example = model.thresholds.map { "\($0.metric)=" }.joined(separator: ", ")
        return Form(title: "Register a version of \(model.slug)", purpose: .newVersion(model: model.slug), fields: [
            FormField("source", "Source (run id, URI, commit)", required: true),
            FormField("metrics", "Metrics (name=value, ...)", value: example),
        ])
    }

    static func editChallenge(_ challenge: Challenge, state: BoardState) -> Form {
        let owners = ["(none)"] + state.stakeholders.values.filter(\.active).map(\.handle).sorted()
        return Form(title: "Edit \(challenge.id)", purpose: .editChallenge(id: challenge.id), fields: [
            FormField("title", "Title", value: challenge.title, required: true),
            FormField("category", "Category", kind: .choice(state.config.challengeCategories.map(\.name)), value: challenge.category),
            FormField("severity", "Severity", kind: .choice(Severity.allCases.map(\.rawValue)), value: challenge.severity.rawValue),
            FormField("owner", "Owner", kind: .choice(owners), value: challenge.owner ?? "(none)"),
            FormField("description", "Description", value: challenge.description),
        ])
    }

    static func newStakeholder(_ config: WorkspaceConfig) -> Form {
        let targets = Array(config.ladder.dropFirst()) + [config.policy.archiveStage]
        let rights = ["none"] + targets.indices.map { Array(targets.prefix($0 + 1)).joined(separator: ",") }
        return Form(title: "Add a stakeholder", purpose: .newStakeholder, fields: [
            FormField("handle", "Handle", required: true),
            FormField("name", "Name", required: true),
            FormField("role", "Role", kind: .choice(config.roles), value: config.roles.first ?? "", required: true),
            FormField("approves", "Approves", kind: .choice(rights), value: "none"),
        ])
    }

    static func newChallenge(_ state: BoardState, project: String?) -> Form {
        let config = state.config
        let projects = ["(organisation-wide)"] + state.liveProjects.map(\.slug)
        let owners = ["(none)"] + state.stakeholders.values.filter(\.active).map(\.handle).sorted()
        return Form(title: "New challenge", purpose: .newChallenge(project: project), fields: [
            FormField("title", "Title", required: true),
            FormField("project", "Project", kind: .choice(projects), value: project ?? "(organisation-wide)"),
            FormField("category", "Category", kind: .choice(config.challengeCategories.map(\.name)),
                      value: config.challengeCategories.first?.name ?? "", required: true),
            FormField("severity", "Severity", kind: .choice(Severity.allCases.map(\.rawValue)), value: "medium"),
            FormField("owner", "Owner", kind: .choice(owners), value: "(none)"),
            FormField("description", "Description"),
        ])
    }

    static func moveChallenge(_ challenge: Challenge) -> Form {
        let moves = challenge.status.allowedMoves.map(\.rawValue)
        return Form(title: "Move \(challenge.id) (now \(challenge.status.rawValue))", purpose: .moveChallenge(id: challenge.id), fields: [
            FormField("status", "Status", kind: .choice(moves), value: moves.first ?? ""),
            FormField("note", "Note (required to resolve or won't fix)"),
        ])
    }

    static func comment(on target: CommentTarget) -> Form {
        Form(title: "Comment on \(target)", purpose: .comment(target), fields: [FormField("body", "Comment", required: true)])
    }

    /// The stage above, the archive, and the aliases of the version's own stage that name
    /// another version ("@champion"): moving one of those is a request too.
    static func requestPromotion(_ version: ModelVersion, model: MLModel?, config: WorkspaceConfig) -> Form {
        let ladder = config.ladder
        var targets: [String] = []
        if let index = ladder.firstIndex(of: version.stage), index + 1 < ladder.count { targets.append(ladder[index + 1]) }
        if version.stage != config.policy.archiveStage { targets.append(config.policy.archiveStage) }
        targets += config.policy.aliases(implying: version.stage)
            .filter { model?.aliases[$0] != version.ref.number }.map { "@\($0)" }
        return Form(title: "Request promotion of \(version.ref) (now \(version.stage))", purpose: .requestPromotion(version.ref), fields: [
            FormField("stage", "Target stage", kind: .choice(targets), value: targets.first ?? "", required: true),
            FormField("reason", "Reason", required: true),
        ])
    }

    static func approve(_ request: PromotionRequest, failures: [String]) -> Form {
        var fields = [FormField("comment", "Comment (optional)")]
        if !failures.isEmpty { fields.append(FormField("override", "Override reason (gates fail)", required: true)) }
        return Form(title: "Approve \(request.id): \(request.version) → \(request.target)",
                    purpose: .approve(requestID: request.id, gatesFail: !failures.isEmpty), fields: fields)
    }

    static func reject(_ request: PromotionRequest) -> Form {
        Form(title: "Reject \(request.id): \(request.version) → \(request.target)", purpose: .reject(requestID: request.id),
             fields: [FormField("comment", "Why (required)", required: true)])
    }
}
