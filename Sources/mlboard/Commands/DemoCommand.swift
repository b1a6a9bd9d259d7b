import ArgumentParser
import BoardCore
import BoardDemo
import BoardStore
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", _superCommandName: MLBoard.commandName,
        abstract: "Create the demo workspace when it is absent, then open it as the demo's lead.",
        discussion: """
            The demo lives in --dir, else MLBOARD_DIR, else $XDG_DATA_HOME/mlboard/demo \
            (~/.local/share/mlboard/demo). Its content is the same every time; its clock is shifted \
            so that its story ends an hour before it was created.
            It is signed: each demo person gets an Ed25519 key in DIR-keys beside the data \
            directory (its own folder, mode 0700), every line is signed with its author's key and \
            signatures are required. The dashboard signs with the key of the person you open it \
            as (--as, else the lead); --key FILE signs with another key instead. With \
            --signatures off no keys are made and the lines are unsigned.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Flag(help: "Only create the workspace; do not open the dashboard.")
    var noTui = false

    @Option(help: "Number of projects (8 gives the hand-made demo; more scale it for benchmarks).")
    var size = 8

    @Option(help: "required (the default: each demo person gets a key, every line is signed) or off (no keys, unsigned lines, as workspaces that choose it; for benchmarks that compare the two).")
    var signatures: SignaturePolicy = .required

    @OptionGroup var display: DashboardOptionsGroup

    func validate() throws {
        guard size >= 8 else { throw ValidationError("--size must be 8 or more") }
        if workspace.store != nil {
            throw ValidationError("the demo is made in a folder; copy it to a server with 'mlboard --dir DEMO migrate --to URL'")
        }
    }

    func run() throws {
        let directory = demoDirectory()
        let keys = DemoKeys(for: directory)
        if !directory.exists {
            try create(at: directory, keys: keys)
        } else {
            Console.say("Demo workspace already exists in \(directory.path).")
        }
        guard !noTui else { return }
        let store = try WorkspaceStore.open(directory, environment: workspace.environment)
        store.signers = workspace.key == nil ? keys.signers : workspace.keyChoice
        let actor = Identity.resolve(explicit: workspace.handle ?? DemoWorkspace.leadHandle, environment: [:])
        try DashboardLauncher.open(store, as: actor, options: display)
    }

    private func demoDirectory() -> DataDirectory {
        if let dir = workspace.dir ?? workspace.environment["MLBOARD_DIR"] {
            return DataDirectory(URL(fileURLWithPath: dir, relativeTo: workspace.currentDirectory))
        }
        let data = workspace.environment["XDG_DATA_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent(".local/share")
        return DataDirectory(data.appendingPathComponent("mlboard/demo"))
    }

    private func create(at directory: DataDirectory, keys: DemoKeys) throws {
        let publicKeys = signatures == .off ? [:] : try keys.generate(for: DemoWorkspace.people(projects: size))
        let store = try WorkspaceStore.create(
            at: directory, config: DemoWorkspace.config, environment: workspace.environment)
        store.signers = signatures == .off ? nil : keys.signers
        // Shifted so the story ends an hour ago: "overdue" and "ago" then read as the demo intends.
        let shift = Instant(Date()).millis - DemoWorkspace.now.millis
        let plan = DemoWorkspace.script(projects: size, keys: publicKeys).map { step in
            PlannedCommand(step.command, as: step.actor, at: Instant(millis: step.at.millis + shift))
        }
        let records = try store.execute(plan)
        try store.writeSnapshot()
        Console.say("Created the demo workspace in \(directory.path): \(records.count) events, \(store.state.projects.count) projects.")
        Console.say("The demo's lead is '\(DemoWorkspace.leadHandle)'.")
        if signatures == .off {
            Console.say("Signatures are off: no keys were made and the lines are unsigned.")
        } else {
            Console.say("Every line is signed; each person's key is in \(keys.folder.path).")
        }
    }
}
