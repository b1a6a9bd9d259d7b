import ArgumentParser
import BoardCore
import BoardStore
import Foundation

struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project", _superCommandName: MLBoard.commandName, abstract: "Create, edit, move and list projects.",
        subcommands: [Create.self, Edit.self, Archive.self, Restore.self, Step.self, Status.self, Retrain.self, List.self, Show.self])

    struct Fields: ParsableArguments {
        @Option(help: "Display name.") var name: String?
        @Option(help: "What the project is for.") var description: String?
        @Option(help: "Primary business goal, one of the workspace's goals.") var goal: String?
        @Option(name: .customLong("other-goal"), help: "A secondary goal (repeatable).") var otherGoals: [String] = []
        @Option(help: "What it was prioritised by.") var priority: String?
        @Option(name: .customLong("impact"), help: "An area its impact is measured by (repeatable).") var impactAreas: [String] = []
        @Option(help: "Retraining cadence of its models.") var cadence: String?
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a project.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "Slug: lower-case letters, digits and dashes.") var slug: String
        @OptionGroup var fields: Fields
        @Option(help: "Lifecycle step to start at (default: the first).") var step: String?

        func validate() throws {
            guard fields.name != nil else { throw ValidationError("Missing expected option '--name <name>'") }
            guard fields.goal != nil else { throw ValidationError("Missing expected option '--goal <goal>'") }
        }

        func run() throws {
            try workspace.perform(.createProject(NewProject(
                slug: slug, name: fields.name ?? "", description: fields.description ?? "", goal: fields.goal ?? "",
                otherGoals: fields.otherGoals, priorityBasis: fields.priority, impactAreas: fields.impactAreas,
                cadence: fields.cadence, step: step)))
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a project's name, description, goals, priority or cadence.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument var slug: String
        @OptionGroup var fields: Fields

        func run() throws {
            try workspace.perform(.editProject(slug: slug, ProjectEdit(
                name: fields.name, description: fields.description, goal: fields.goal,
                otherGoals: fields.otherGoals.isEmpty ? nil : fields.otherGoals, priorityBasis: fields.priority,
                impactAreas: fields.impactAreas.isEmpty ? nil : fields.impactAreas, cadence: fields.cadence)))
        }
    }

    struct Archive: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "archive", abstract: "Archive a project (leads only).")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument var slug: String
        func run() throws { try workspace.perform(.archiveProject(slug: slug)) }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "restore", abstract: "Bring an archived project back (leads only).")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument var slug: String
        func run() throws { try workspace.perform(.restoreProject(slug: slug)) }
    }

    struct Step: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "step", abstract: "Move a project to a lifecycle step.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument var slug: String
        @Argument(help: "The step's name, e.g. \"data access\".") var step: String
        func run() throws { try workspace.perform(.setProjectStep(slug: slug, step: step)) }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "Set a project's status: active, on-hold, completed or cancelled.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument var slug: String
        @Argument var status: ProjectStatus
        func run() throws { try workspace.perform(.setProjectStatus(slug: slug, status: status)) }
    }

    struct Retrain: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "retrain", abstract: "Record that a project's models were retrained.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument var slug: String
        @Option(help: "What was retrained and how.") var note = ""
        func run() throws { try workspace.perform(.recordRetrain(project: slug, note: note)) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List projects.")
        @OptionGroup var workspace: WorkspaceOptions
        @Flag(help: "Print JSON: an array of projects.") var json = false
        @Flag(help: "Include archived projects.") var all = false

        func run() throws {
            let state = try workspace.openStore().state
            let projects = state.projects.values.filter { all || !$0.archived }.sorted { $0.slug < $1.slug }
            if json { return try Console.printJSON(projects) }
            for project in projects {
                let archived = project.archived ? " [archived]" : ""
                Console.say("\(project.slug.padding(28)) \(project.status.rawValue.padding(10)) \(project.step.padding(28)) \(project.name)\(archived)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one project: summary, team, models, challenges, comments.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument var slug: String
        @Flag(help: "Print JSON.") var json = false

        struct Detail: Encodable {
            var project: Project
            var team: [Assignment]
            var models: [MLModel]
            var versions: [ModelVersion]
            var challenges: [Challenge]
            var comments: [Comment]
            var daysOverdue: Int?
        }

        func run() throws {
            let store = try workspace.openStore()
            let state = store.state
            guard let project = state.projects[slug] else { throw RuleViolation(.unknownEntity, "no project '\(slug)'") }
            let models = state.models(of: slug)
            let detail = Detail(
                project: project, team: state.team(of: slug).flatMap(\.members), models: models,
                versions: models.flatMap { state.versions(of: $0.slug) },
                challenges: state.challenges.values.filter { $0.project == slug }.sorted { $0.id < $1.id },
                comments: try store.comments(on: .project(slug)), daysOverdue: state.daysOverdue(project, now: Instant(Date())))
            if json { return try Console.printJSON(detail) }
            Console.say("\(project.name) (\(project.slug)) — \(project.status.rawValue)\(project.archived ? ", archived" : "")")
            if !project.description.isEmpty { Console.say(project.description) }
            Console.say("goal: \(project.goal); priority: \(project.priorityBasis ?? "-"); cadence: \(project.cadence ?? "-")")
            Console.say("step: \(project.step)")
            for (step, members) in state.team(of: slug) {
                Console.say("  \(step): " + members.map { "\($0.stakeholder) (\($0.raci.rawValue))" }.joined(separator: ", "))
            }
            for version in detail.versions {
                let metrics = version.metrics.sorted { $0.key < $1.key }.map { "\($0.key)=\(MetricThreshold.format($0.value))" }
                Console.say("  \(version.ref) \(version.stage) \(metrics.joined(separator: " "))")
            }
            for challenge in detail.challenges {
                Console.say("  \(challenge.id) [\(challenge.severity.rawValue), \(challenge.status.rawValue)] \(challenge.title)")
            }
            for comment in detail.comments { Console.say("  \(comment.author): \(comment.body)") }
        }
    }
}
