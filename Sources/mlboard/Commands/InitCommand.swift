import ArgumentParser
import BoardCore
import BoardStore
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a workspace (./.mlboard unless --dir is given) with you as its first lead.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "The workspace's name.")
    var name = "ML team"

    @Option(help: "Your full name (default: your handle).")
    var displayName: String?

    @Option(help: "Your role, one of the workspace's roles.")
    var role = "data-science lead"

    @Flag(help: "Share the workspace with the folder's group: files get group read and write and folders are setgid and sticky, whatever your umask (the default in a setgid folder or one of another group).")
    var shared = false

    @Flag(name: .customLong("private"), help: "Keep the workspace to yourself, even in a shared folder.")
    var isPrivate = false

    func validate() throws {
        if shared && isPrivate { throw ValidationError("--shared and --private contradict each other; give one") }
    }

    func run() throws {
        let directory = workspace.dir.map { DataDirectory(URL(fileURLWithPath: $0, relativeTo: workspace.currentDirectory)) }
            ?? DataDirectory(workspace.currentDirectory.appendingPathComponent(DataDirectory.conventionalName))
        let config = WorkspaceConfig.defaults(name: name)
        if let problem = config.problems().first { throw CLIFailure.usage(problem) }
        let sharing: SharingMode? = shared ? .group : isPrivate ? .private : nil
        let store = try WorkspaceStore.create(at: directory, config: config, sharing: sharing, environment: workspace.environment)
        let actor = workspace.actor
        let founder = Stakeholder(
            handle: actor.handle, name: displayName ?? actor.handle, role: role, isLead: true,
            approvalStages: config.stages)
        try store.execute(.addStakeholder(founder), as: actor, now: Instant(Date()))
        Console.say("Created workspace '\(name)' in \(directory.path), with \(actor.handle) as its lead.")
        if store.sharing == .group {
            Console.say("It is shared with the folder's group: every member can read and write it ('mlboard doctor' checks it).")
        }
    }
}
