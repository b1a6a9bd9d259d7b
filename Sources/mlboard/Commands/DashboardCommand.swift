import ArgumentParser
import BoardCore
import BoardStore
import BoardTUI
import Foundation

struct DashboardOptionsGroup: ParsableArguments {
    @Option(help: "Theme name (default, light, high-contrast, monochrome, solarized-dark, or your own).")
    var theme: String?

    @Flag(help: "Let clicks focus and select and the wheel scroll (off by default so text selection works).")
    var mouse = false
}

/// Opens the dashboard on `store` as `actor`, after checking there is a terminal to draw on.
enum DashboardLauncher {
    static func open(_ store: any WorkspaceStoring, as actor: Actor, options: DashboardOptionsGroup) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CLIFailure.usage("the dashboard needs a terminal; for scripts use 'mlboard status' or '--json' commands")
        }
        // A frozen dashboard is worse than a refused write that names the holder.
        (store as? WorkspaceStore)?.lockWait = LockWait(limit: 10)
        try DashboardRunner.run(store: store, me: actor, options: DashboardOptions(
            theme: options.theme, mouse: options.mouse, environment: ProcessEnvironment.current))
    }
}

struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard", _superCommandName: MLBoard.commandName, abstract: "Open the dashboard (what plain 'mlboard' does).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var display: DashboardOptionsGroup

    func run() throws {
        try DashboardLauncher.open(try workspace.openStore(), as: workspace.actor, options: display)
    }
}
