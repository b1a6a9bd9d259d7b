import ArgumentParser
import BoardCore
import BoardStore
import Foundation

struct ChallengeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "challenge", _superCommandName: MLBoard.commandName, abstract: "Open, edit, move and list challenges.",
        subcommands: [Open.self, Edit.self, Move.self, List.self])

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "open", abstract: "Open a challenge on a project, or organisation-wide.")
        @OptionGroup var workspace: WorkspaceOptions
        @Option(help: "Short title.") var title: String
        @Option(help: "One of the workspace's challenge categories.") var category: String
        @Option(help: "low, medium, high or critical.") var severity: Severity
        @Option(help: "Project slug (omit for organisation-wide).") var project: String?
        @Option(help: "Stakeholder who owns it.") var owner: String?
        @Option var description = ""

        func run() throws {
            try workspace.perform(.openChallenge(NewChallenge(
                project: project, category: category, severity: severity, owner: owner, title: title,
                description: description)))
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a challenge's title, description, category, severity or owner.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument var id: String
        @Option var title: String?
        @Option var description: String?
        @Option var category: String?
        @Option var severity: Severity?
        @Option(help: "Stakeholder handle; an empty string clears it.") var owner: String?

        func run() throws {
            try workspace.perform(.editChallenge(id: id, ChallengeEdit(
                title: title, description: description, category: category, severity: severity, owner: owner)))
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "move",
            abstract: "Move a challenge to open, in-progress, mitigated, resolved or wont-fix.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument var id: String
        @Argument var status: ChallengeStatus
        @Option(help: "How it was settled (required for resolved and wont-fix).") var note: String?
        func run() throws { try workspace.perform(.moveChallenge(id: id, to: status, note: note)) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List challenges, most severe first.")
        @OptionGroup var workspace: WorkspaceOptions
        @Flag(help: "Print JSON: an array of challenges.") var json = false
        @Option var project: String?
        @Option var status: ChallengeStatus?
        @Option var severity: Severity?
        @Option var owner: String?
        @Option var category: String?

        func run() throws {
            let state = try workspace.openStore().state
            let challenges = state.challenges.values.filter { challenge in
                (project == nil || challenge.project == project) && (status == nil || challenge.status == status)
                    && (severity == nil || challenge.severity == severity) && (owner == nil || challenge.owner == owner)
                    && (category == nil || challenge.category == category)
            }.sorted { ($1.severity, $0.id) < ($0.severity, $1.id) }
            if json { return try Console.printJSON(challenges) }
            for challenge in challenges {
                Console.say("\(challenge.id.padding(6)) \(challenge.severity.rawValue.padding(8)) \(challenge.status.rawValue.padding(11)) "
                    + "\((challenge.project ?? "(org-wide)").padding(24)) \(challenge.title)")
            }
        }
    }
}

struct CommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comment", _superCommandName: MLBoard.commandName, abstract: "Comment on a project, a version, a request or a challenge.")
    @OptionGroup var workspace: WorkspaceOptions
    @Option var project: String?
    @Option(help: "MODEL:NUMBER.") var version: String?
    @Option var request: String?
    @Option var challenge: String?
    @Argument(help: "The comment.") var body: String

    func validate() throws {
        let given = [project, version, request, challenge].compactMap { $0 }.count
        guard given == 1 else { throw ValidationError("give exactly one of --project, --version, --request, --challenge") }
    }

    func run() throws {
        let target: CommentTarget
        if let project { target = .project(project) }
        else if let version { target = .version(try Parse.versionRef(version)) }
        else if let request { target = .request(request) }
        else { target = .challenge(challenge ?? "") }
        try workspace.perform(.comment(on: target, body: body))
    }
}
