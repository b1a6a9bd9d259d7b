import ArgumentParser
import BoardCore
import BoardPostgres
import BoardStore
import Foundation

/// Copies a workspace's journal to another kind of store, line for line: a folder onto
/// PostgreSQL, or back. Hashes and signatures stay as their authors made them.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", _superCommandName: MLBoard.commandName,
        abstract: "Copy this workspace, line for line with its hashes and signatures, to a new workspace on PostgreSQL (--to postgresql://…) or in a folder (--to DIR).")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("Where the copy goes: a postgresql:// URL (an empty database) or a folder that does not exist yet.", valueName: "URL-OR-DIR"))
    var to: String

    func run() throws {
        let source = try workspace.openStore()
        let lines: [UInt8]
        do {
            lines = try source.journalLines()
        } catch let refusal as JournalCopyRefusal {
            throw CLIFailure.usage("\(source.locationDescription) is not copied, since a copy would not pass its checks: \(refusal)")
        }
        let target: any WorkspaceStoring
        if to.hasPrefix("postgresql://") || to.hasPrefix("postgres://") {
            let location = try WorkspaceLocation.parse(to, environment: workspace.environment)
            let store = try PostgresWorkspaceStore.create(at: location, config: source.state.config, environment: workspace.environment)
            try filling(store.locationDescription, with: { try store.adoptJournal(PortableJournalLine.split(lines)) },
                        orTakingAway: { try store.discardWhileEmpty() })
            target = store
        } else {
            let directory = DataDirectory(URL(fileURLWithPath: to, relativeTo: workspace.currentDirectory))
            let store = try WorkspaceStore.create(at: directory, config: source.state.config, environment: workspace.environment)
            try filling(directory.path, with: { try store.adoptJournal(lines) },
                        orTakingAway: { try FileManager.default.removeItem(at: directory.url) })
            target = store
        }
        guard target.lastSequence == source.lastSequence, target.state == source.state else {
            throw StoreError.corrupt(file: target.locationDescription, sequence: nil,
                                     reason: "the copy reads back to another state than \(source.locationDescription)'s")
        }
        Console.say("Copied \(target.lastSequence) journal lines from \(source.locationDescription) to \(target.locationDescription), "
            + "hashes and signatures intact; the copy reads back to the same state.")
    }

    /// Copies the journal into the workspace just made at `place`; when that fails (nothing of
    /// the journal is written then), the new workspace is taken away again so a second try
    /// finds the place as the first did.
    private func filling(_ place: String, with copy: () throws -> Void, orTakingAway takeAway: () throws -> Void) throws {
        do {
            try copy()
        } catch {
            do {
                try takeAway()
            } catch let leftOver {
                Console.error("mlboard: the new, empty workspace at \(place) could not be taken away (\(leftOver)); remove it before trying again")
            }
            throw error
        }
    }
}
