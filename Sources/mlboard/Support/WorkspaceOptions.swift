import ArgumentParser
import BoardCore
import BoardPostgres
import BoardStore
import BoardTUI
import Foundation

/// Where the data directory is and who is acting; every command that touches a workspace takes these.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: "The data directory (default: MLBOARD_DIR, else the nearest .mlboard folder).")
    var dir: String?

    @Option(name: .long, help: ArgumentHelp(
        "A workspace kept on PostgreSQL (default: MLBOARD_STORE, else the store a data directory's workspace.yml points at). No password here: use PGPASSWORD or ~/.pgpass.",
        valueName: "postgresql://USER@HOST/DB"))
    var store: String?

    @Option(name: .customLong("as"), help: "Act as this stakeholder handle (default: MLBOARD_USER, else your login). Where signatures are required, you sign as them: their key must be yours.")
    var handle: String?

    @Option(name: .long, help: ArgumentHelp(
        "Sign with this SSH private key (default: MLBOARD_SIGNING_KEY, else signing_key in config.toml, else the first key ssh-agent holds that is registered to you).",
        valueName: "FILE"))
    var key: String?

    @Option(name: .long, help: ArgumentHelp(
        "Give up a write after waiting this many seconds for another writer's lock (default: wait; after a second it says who holds it).",
        valueName: "SECONDS"))
    var wait: Double?

    var environment: [String: String] { ProcessEnvironment.current }

    var currentDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true) }

    var actor: Actor { Identity.resolve(explicit: handle, environment: environment) }

    /// The key to sign with, from --key, MLBOARD_SIGNING_KEY, config.toml or ssh-agent.
    var keyChoice: KeyChoice {
        KeyChoice.resolve(flag: key, configured: SigningSettings.configuredKey(environment: environment), environment: environment)
    }

    func locate() throws -> DataDirectory {
        guard let found = DataDirectory.locate(explicit: dir, environment: environment, start: currentDirectory) else {
            throw StoreError.notFound("none given and no .mlboard folder above \(currentDirectory.path)")
        }
        return found
    }

    /// The store --store or MLBOARD_STORE names, if any.
    var storeURL: String? { store ?? environment["MLBOARD_STORE"].flatMap { $0.isEmpty ? nil : $0 } }

    /// Where the workspace is: --store, MLBOARD_STORE, or the data directory (which may point
    /// at a store).
    func location() throws -> WorkspaceLocation {
        if let url = storeURL {
            return .postgres(try WorkspaceLocation.parse(url, environment: environment))
        }
        let directory = try locate()
        if let url = try WorkspacePointer.store(in: directory) {
            return .postgres(try WorkspaceLocation.parse(url, environment: environment))
        }
        return .folder(directory)
    }

    /// Opens the workspace, wherever it is kept, and prints its warnings (rollback, fork, bad
    /// snapshot) to stderr.
    func openStore() throws -> any WorkspaceStoring {
        switch try location() {
        case .folder(let directory):
            return try openFolderStore(directory)
        case .postgres(let location):
            let store = try PostgresWorkspaceStore.open(location, environment: environment)
            for warning in store.warnings { Console.error("mlboard: \(warning)") }
            store.signers = keyChoice
            AfterReply.remember(store)
            return store
        }
    }

    /// Opens a folder workspace, for what only a folder has (its files, snapshots, alarms);
    /// a workspace on a server is refused with the reason.
    func openFolderStore(for purpose: String) throws -> WorkspaceStore {
        switch try location() {
        case .folder(let directory): return try openFolderStore(directory)
        case .postgres(let location): throw CLIFailure.usage("\(purpose) works on a folder workspace; this one is on \(location)")
        }
    }

    private func openFolderStore(_ directory: DataDirectory) throws -> WorkspaceStore {
        if let wait, !(wait >= 0 && wait.isFinite) { throw CLIFailure.usage("--wait takes a number of seconds, 0 or more; got \(wait)") }
        let store = try WorkspaceStore.open(directory, environment: environment)
        for warning in store.warnings { Console.error("mlboard: \(warning)") }
        store.lockWait = LockWait(limit: wait) { Console.error("mlboard: \($0)") }
        store.signers = keyChoice
        AfterReply.remember(store)
        return store
    }

    /// Runs one command and prints what it recorded.
    func perform(_ command: Command) throws {
        try perform(command, on: try openStore())
    }

    /// The same on a store already open.
    func perform(_ command: Command, on store: any WorkspaceStoring) throws {
        let records = try store.execute(command, as: actor, now: Instant(Date()))
        for record in records { Console.say("#\(record.sequence) \(ActivityText.summary(of: record.event))\(SignatureText.suffix(record.signature))") }
    }
}
