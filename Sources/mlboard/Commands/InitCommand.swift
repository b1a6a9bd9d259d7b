import ArgumentParser
import BoardCore
import BoardPostgres
import BoardStore
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", _superCommandName: MLBoard.commandName,
        abstract: "Create a workspace (./.mlboard unless --dir is given, or on PostgreSQL with --store) with you as its first lead.")

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

    @Option(help: "required (the default when you have an SSH key to sign with) or off.")
    var signatures: SignaturePolicy?

    func validate() throws {
        if shared && isPrivate { throw ValidationError("--shared and --private contradict each other; give one") }
        if workspace.storeURL != nil && (shared || isPrivate) {
            throw ValidationError("--shared and --private set a folder's modes; a workspace on PostgreSQL (--store or MLBOARD_STORE) is shared through the database's grants (see the README)")
        }
    }

    func run() throws {
        let directory = workspace.dir.map { DataDirectory(URL(fileURLWithPath: $0, relativeTo: workspace.currentDirectory)) }
            ?? DataDirectory(workspace.currentDirectory.appendingPathComponent(DataDirectory.conventionalName))
        let config = WorkspaceConfig.defaults(name: name)
        if let problem = config.problems().first { throw CLIFailure.usage(problem) }
        let sharing: SharingMode? = shared ? .group : isPrivate ? .private : nil
        let actor = workspace.actor
        let choice = workspace.keyChoice
        let signer: (any SSHMessageSigner)?
        do {
            signer = signatures == .off ? nil : try choice.signer(for: actor.handle, registry: KeyRegistry())
        } catch {
            throw SigningRefusal(message: "cannot sign with \(choice.keyFile.map { "\($0.path) (from \($0.origin))" } ?? "ssh-agent's key"): \(error)")
        }
        if signatures == .required && signer == nil {
            throw SigningRefusal(message: "--signatures required needs a key to sign with, and \(choice.missingKeyHint(for: actor.handle))")
        }
        let store: any WorkspaceStoring
        if let url = workspace.storeURL {
            let location = try WorkspaceLocation.parse(url, environment: workspace.environment)
            if try upgradedSchema(at: location) { return }
            store = try PostgresWorkspaceStore.create(at: location, config: config, environment: workspace.environment)
        } else {
            store = try WorkspaceStore.create(at: directory, config: config, sharing: sharing, environment: workspace.environment)
        }
        let founder = Stakeholder(
            handle: actor.handle, name: displayName ?? actor.handle, role: role, isLead: true,
            approvalStages: config.stages)
        store.signers = choice
        var commands: [Command] = [.addStakeholder(founder)]
        if let key = signer?.publicKey {
            commands += [.addKey(handle: actor.handle, fingerprint: key.fingerprint, publicKey: key.openSSHLine), .setSignaturePolicy(.required)]
        }
        try store.execute(commands, as: actor, now: Instant(Date()))
        Console.say("Created workspace '\(name)' in \(store.locationDescription), with \(actor.handle) as its lead.")
        if store is PostgresWorkspaceStore { pointAtStore(from: directory, url: store.locationDescription) }
        if let key = signer?.publicKey {
            Console.say("Signatures are required: every line is signed. Your key \(key.kind.displayName) \(key.fingerprint) is the workspace's root key; "
                + "register your colleagues' keys with 'mlboard key add FILE --for HANDLE'.")
        } else {
            let why = signatures == .off ? "as asked" : "because \(choice.missingKeyHint(for: actor.handle))"
            let who = store is PostgresWorkspaceStore ? "anyone who may write to the database" : "anyone in the folder's group"
            Console.say("Signatures are off (\(why)): \(who) can act as anyone. "
                + "Turn them on with 'mlboard key add' and 'mlboard key policy required'.")
        }
        if (store as? WorkspaceStore)?.sharing == .group {
            Console.say("It is shared with the folder's group: every member can read and write it ('mlboard doctor' checks it).")
        }
    }

    /// Brings the schema of a workspace already in the database up to this build's, the way its
    /// read-only reason says to; false when there is no workspace there, or its schema is current
    /// (then creating one is refused as usual).
    private func upgradedSchema(at location: PostgresLocation) throws -> Bool {
        guard let upgrade = try PostgresWorkspaceStore.upgradeSchema(at: location, environment: workspace.environment),
              upgrade.from < upgrade.to else { return false }
        Console.say("\(location) holds a workspace already: brought its schema from version \(upgrade.from) to \(upgrade.to); its journal and configuration are unchanged.")
        return true
    }

    /// Leaves a data directory that points at the new store, so commands run here find it
    /// without --store; an existing folder is left alone.
    private func pointAtStore(from directory: DataDirectory, url: String) {
        do {
            try WorkspacePointer.write(url, in: directory)
            Console.say("\(directory.path) points at it: commands run below \(directory.url.deletingLastPathComponent().path) find it without --store.")
        } catch {
            Console.say("No pointer written (\(error)); give --store \(url) or set MLBOARD_STORE.")
        }
    }
}
