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

    func run() throws {
        let directory = workspace.dir.map { DataDirectory(URL(fileURLWithPath: $0, relativeTo: workspace.currentDirectory)) }
            ?? DataDirectory(workspace.currentDirectory.appendingPathComponent(DataDirectory.conventionalName))
        let config = WorkspaceConfig.defaults(name: name)
        if let problem = config.problems().first { throw CLIFailure.usage(problem) }
        let store = try WorkspaceStore.create(at: directory, config: config, environment: workspace.environment)
        let actor = workspace.actor
        let founder = Stakeholder(
            handle: actor.handle, name: displayName ?? actor.handle, role: role, isLead: true,
            approvalStages: config.stages)
        try store.execute(.addStakeholder(founder), as: actor, now: Instant(Date()))
        print("Created workspace '\(name)' in \(directory.path), with \(actor.handle) as its lead.")
    }
}
