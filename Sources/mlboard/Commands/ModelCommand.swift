import ArgumentParser
import BoardCore
import BoardStore
import Foundation

struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model", _superCommandName: MLBoard.commandName, abstract: "Register models and versions, roll back, list.",
        subcommands: [Register.self, Version.self, Rollback.self, List.self])

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "register", abstract: "Register a model of a project, with its production thresholds.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "Slug: lower-case letters, digits and dashes.") var slug: String
        @Option(help: "The project that owns it.") var project: String
        @Option(help: "Display name.") var name: String
        @Option var description = ""
        @Option(name: .customLong("threshold"), help: "A gate for production, e.g. auc>=0.8 (repeatable).") var thresholds: [String] = []
        @Option(help: "The metric shown first.") var keyMetric: String?

        func run() throws {
            let parsed = try thresholds.map(Parse.threshold)
            try workspace.perform(.registerModel(MLModel(
                slug: slug, project: project, name: name, description: description, thresholds: parsed,
                keyMetric: keyMetric ?? parsed.first?.metric)))
        }
    }

    struct Version: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "version", abstract: "Register a new version of a model, with its metrics and source.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument var model: String
        @Option(help: "Run id, artifact URI or commit.") var source: String
        @Option(name: .customLong("metric"), help: "A metric, e.g. auc=0.91 (repeatable).") var metrics: [String] = []
        @Option(help: "Lineage: the artifact or model URI, e.g. runs:/RUN/model or s3://bucket/model.") var sourceURI: String?
        @Option(help: "Lineage: the training run's id.") var runId: String?
        @Option(help: "Lineage: the code commit it was trained from.") var commit: String?
        @Option(help: "Lineage: the data set it was trained on (name, path or digest).") var dataset: String?
        @Option(name: .customLong("tag"), help: "Lineage: a free tag, e.g. team=risk (repeatable).") var tags: [String] = []

        func run() throws {
            var values: [String: Double] = [:]
            for text in metrics {
                let (name, value) = try Parse.metric(text)
                values[name] = value
            }
            var lineage = VersionLineage(sourceURI: sourceURI, runID: runId, codeCommit: commit, dataset: dataset)
            for text in tags {
                let (name, value) = try Parse.tag(text)
                lineage.tags[name] = value
            }
            try workspace.perform(.registerVersion(model: model, metrics: values, source: source, lineage: lineage))
        }
    }

    struct Rollback: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rollback", abstract: "Put a model's previous production version back in production.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument var model: String
        @Option(help: "Why, for the audit trail.") var reason: String
        func run() throws { try workspace.perform(.rollback(model: model, reason: reason)) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List models and their versions by stage.")
        @OptionGroup var workspace: WorkspaceOptions
        @Flag(help: "Print JSON: models with their versions.") var json = false

        struct Line: Encodable {
            var model: MLModel
            var versions: [ModelVersion]
        }

        func run() throws {
            let state = try workspace.openStore().state
            let lines = state.models.values.sorted { $0.slug < $1.slug }.map { Line(model: $0, versions: state.versions(of: $0.slug)) }
            if json { return try Console.printJSON(lines) }
            for line in lines {
                let versions = line.versions.map { version in
                    let aliases = line.model.aliases(of: version.ref.number).map { "@\($0)" }.joined()
                    return "v\(version.ref.number):\(version.stage)\(aliases)"
                }.joined(separator: " ")
                Console.say("\(line.model.slug.padding(28)) \(line.model.project.padding(24)) \(versions)")
            }
        }
    }
}

struct PromoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote", _superCommandName: MLBoard.commandName, abstract: "Request that a version move to a stage (one up, or archived).")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "MODEL:NUMBER, e.g. churn-model:3.") var version: String
    @Option(help: "Target stage.") var to: String
    @Option(help: "Why it should move.") var reason: String

    func run() throws {
        try workspace.perform(.requestPromotion(version: try Parse.versionRef(version), to: to, reason: reason))
    }
}

struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", _superCommandName: MLBoard.commandName, abstract: "Approve a promotion request.")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Request id, e.g. PR-3.") var request: String
    @Option var comment: String?
    @Option(name: .customLong("override"), help: "Written reason for passing a failing gate.") var overrideReason: String?

    func run() throws {
        try workspace.perform(.approve(request: request, comment: comment, overrideReason: overrideReason))
    }
}

struct RejectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", _superCommandName: MLBoard.commandName, abstract: "Reject a promotion request, saying why.")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument var request: String
    @Option(help: "Why (required).") var comment: String
    func run() throws { try workspace.perform(.reject(request: request, comment: comment)) }
}

struct WithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw", _superCommandName: MLBoard.commandName, abstract: "Withdraw your own promotion request.")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument var request: String
    func run() throws { try workspace.perform(.withdraw(request: request)) }
}

struct RequestsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests", _superCommandName: MLBoard.commandName, abstract: "List open promotion requests, the ones you may act on first.")
    @OptionGroup var workspace: WorkspaceOptions
    @Flag(help: "Print JSON: an array of requests.") var json = false
    @Flag(help: "Include closed requests.") var all = false

    func run() throws {
        let state = try workspace.openStore().state
        let mine = Set(state.requestsAwaiting(workspace.actor.handle).map(\.id))
        let requests = (all ? Array(state.requests.values) : state.openRequests).sorted {
            (mine.contains($0.id) ? 0 : 1, $0.requestedAt.millis, $0.id) < (mine.contains($1.id) ? 0 : 1, $1.requestedAt.millis, $1.id)
        }
        if json { return try Console.printJSON(requests) }
        for request in requests {
            let needed = state.config.approvalsRequired(for: request.toStage)
            let mark = mine.contains(request.id) ? "*" : " "
            let move = request.alias == nil ? "\(request.fromStage) -> \(request.toStage)" : "-> \(request.target)"
            Console.say("\(mark) \(request.id.padding(6)) \(request.status.rawValue.padding(10)) \(request.version) "
                + "\(move) by \(request.requestedBy) "
                + "(\(state.countedApprovers(of: request).count)/\(needed)): \(request.reason)")
        }
    }
}
