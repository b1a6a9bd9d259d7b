import ArgumentParser
import BoardCore
import BoardStore
import BoardTUI
import Foundation

/// Where the data directory is and who is acting; every command that touches a workspace takes these.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: "The data directory (default: MLBOARD_DIR, else the nearest .mlboard folder).")
    var dir: String?

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

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var currentDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

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

    /// Opens the workspace and prints its warnings (rollback, fork, bad snapshot) to stderr.
    func openStore() throws -> WorkspaceStore {
        if let wait, !(wait >= 0 && wait.isFinite) { throw CLIFailure.usage("--wait takes a number of seconds, 0 or more; got \(wait)") }
        let store = try WorkspaceStore.open(try locate(), environment: environment)
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
    func perform(_ command: Command, on store: WorkspaceStore) throws {
        let records = try store.execute(command, as: actor, now: Instant(Date()))
        for record in records { Console.say("#\(record.sequence) \(ActivityText.summary(of: record.event))\(SignatureText.suffix(record.signature))") }
    }
}
