import ArgumentParser
import BoardCore
import BoardHooks
import BoardStore
import Foundation

struct HooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks", _superCommandName: MLBoard.commandName, abstract: "Run your own commands for journal events ([[hooks]] in your config.toml).",
        subcommands: [HooksRunCommand.self])
}

struct HooksRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run each hook for the events after its saved position; --follow keeps running for new events.",
        discussion: """
            Hooks come only from your own $XDG_CONFIG_HOME/mlboard/config.toml, never from the data \
            directory. Each event goes to the command's standard input as one JSON object (as 'log --json' \
            prints it). A failing hook is tried 4 times (waiting 0.5 s, 1 s, 2 s), then reported; it stops \
            at that event and the command exits 4. Other hooks go on.
            """)

    /// The exit status when a hook stopped at an event.
    static let hookStopped: Int32 = 4

    @OptionGroup var workspace: WorkspaceOptions
    @Flag(help: "Keep running and run hooks for new events as they land, until interrupted.") var follow = false

    func run() throws {
        let environment = workspace.environment
        let hooks: [Hook]
        do {
            hooks = try HookConfig.load(environment: environment)
        } catch let error as HookConfigError {
            throw CLIFailure.usage(error.description)
        }
        if hooks.isEmpty {
            Console.say("no hooks configured: add [[hooks]] tables to \(HookConfig.file(environment: environment).path)")
            return
        }
        let store = try workspace.openFolderStore(for: "mlboard hooks")
        let runner = HookRunner(hooks: hooks, directory: store.directory, environment: environment, report: Self.print)
        let records = try store.allRecords().filter { $0.sequence <= store.position.sequence }
        runner.run(over: records)
        if follow {
            let follower = JournalFollower(
                directory: store.directory, after: store.position, keys: store.state.signing,
                onRecords: { records in runner.run(over: records) },
                onError: { error in Console.error("mlboard: \(error)") })
            follower.start()
            while true { sleep(3600) }
        }
        if !runner.stopped.isEmpty {
            Console.error("mlboard: \(runner.stopped.count) hook(s) stopped: \(runner.stopped.sorted().joined(separator: ", "))")
            Foundation.exit(Self.hookStopped)
        }
    }

    private static func print(_ report: HookReport) {
        switch report {
        case .finished(let hook, let sequence, let output):
            Console.say("hook \(hook): event #\(sequence) done" + indented(output))
        case .retrying(let hook, let sequence, let status, let output, let delay):
            Console.error("mlboard: hook \(hook): event #\(sequence) failed with \(status); trying again in \(delay) s" + indented(output))
        case .stopped(_, let message):
            Console.error("mlboard: \(message)")
        }
        fflush(nil)
    }

    private static func indented(_ output: String) -> String {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast(output.hasSuffix("\n") ? 1 : 0)
        return lines.isEmpty ? "" : "\n" + lines.map { "  | " + $0 }.joined(separator: "\n")
    }
}
