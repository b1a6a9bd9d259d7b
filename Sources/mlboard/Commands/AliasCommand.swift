import ArgumentParser
import BoardCore
import BoardStore

struct AliasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alias", _superCommandName: MLBoard.commandName,
        abstract: "Show which version each alias names, or ask for an alias to move (approved like the stage it implies).",
        subcommands: [List.self, Move.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List each model's aliases and the versions they name.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "Only this model.") var model: String?
        @Flag(help: "Print JSON: model, alias, version, stage.") var json = false

        struct Line: Encodable {
            var model: String
            var alias: String
            var version: Int
            var stage: String
        }

        func run() throws {
            let state = try workspace.openStore().state
            if let model, state.models[model] == nil { throw RuleViolation(.unknownEntity, "no model '\(model)'") }
            let models = state.models.values.filter { model == nil || $0.slug == model }.sorted { $0.slug < $1.slug }
            let lines = models.flatMap { entry in
                entry.aliases.sorted { $0.key < $1.key }.map { alias, number in
                    Line(model: entry.slug, alias: alias, version: number,
                         stage: state.versions[VersionRef(model: entry.slug, number: number)]?.stage ?? "?")
                }
            }
            if json { return try Console.printJSON(lines) }
            if lines.isEmpty { Console.say("No alias names a version yet; a promotion to a stage with an alias sets it.") }
            for line in lines {
                Console.say("\(line.model.padding(28)) @\(line.alias.padding(12)) v\(line.version) (\(line.stage))")
            }
            let configured = state.config.policy.aliases.sorted { $0.key < $1.key }.map { "@\($0.key) = \($0.value)" }
            Console.say("Aliases of this workspace: \(configured.joined(separator: ", "))")
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Request that ALIAS name MODEL:NUMBER, a version already in the stage the alias implies.",
            discussion: "The request needs the approvals a promotion to that stage needs; `mlboard approve PR-N` completes it.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "MODEL:NUMBER, e.g. churn-model:3.") var version: String
        @Argument(help: "The alias, e.g. champion.") var alias: String
        @Option(help: "Why it should move.") var reason: String

        func run() throws {
            try workspace.perform(.requestAliasMove(version: try Parse.versionRef(version), alias: alias, reason: reason))
        }
    }
}
