import TestSupport
import Foundation

/// A person at one machine (the host, or a network namespace standing for another machine)
/// using a workspace on PostgreSQL: the store's URL as seen from there, their handle and
/// password, and a home of their own (snapshots and settings stay per user).
struct WorkspaceClient {
    let handle: String
    let namespace: NetworkNamespace?
    /// What mlboard reads: who is acting, where the workspace is, the password, the home.
    let variables: [String: String]
    /// Where their commands run: `init --store` leaves its pointer folder there, not in the runner's.
    let home: URL

    init(handle: String, store: String, password: String?, namespace: NetworkNamespace?, home: URL) throws {
        self.handle = handle
        self.namespace = namespace
        self.home = home
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        var variables = [
            "MLBOARD_USER": handle, "MLBOARD_STORE": store, "HOME": home.path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "LANG": "C.UTF-8",
        ]
        variables["PGPASSWORD"] = password
        self.variables = variables
    }

    /// Runs the built mlboard with `arguments` on this client's machine, to its end; one that
    /// has not ended after a minute is stopped (exit 124), so a hang fails the test instead of
    /// holding it.
    func mlboard(_ arguments: [String]) throws -> ShellCommand.Outcome {
        var environment = HermeticEnvironment.current()
        for key in ["NO_COLOR", "TMUX", "PGPASSWORD", "PGPASSFILE", "PGUSER", "MLBOARD_STORE"] { environment.removeValue(forKey: key) }
        let command = ["timeout", "-k", "5", "60", BuiltBinary.mlboard.path] + arguments
        return try ShellCommand.run(namespace?.commandLine(command) ?? command, environment: environment.merging(variables) { $1 },
                                    in: home.path)
    }

    /// Runs mlboard and throws with what it printed unless it exits with 0.
    @discardableResult
    func succeed(_ arguments: [String]) throws -> String {
        let outcome = try mlboard(arguments)
        guard outcome.status == 0 else {
            throw ShellCommand.Failure(description: "\(handle): mlboard \(arguments.joined(separator: " ")) failed (\(outcome.status)): \(outcome.output)")
        }
        return outcome.output
    }

    /// Opens the dashboard in session `session` of `server`. On another machine the tmux server
    /// itself is started inside its namespace first (holding a placeholder session), so every
    /// session it forks, the dashboard's included, lives there too.
    func openDashboard(on server: TmuxServer, session: String) throws {
        if let namespace {
            try ShellCommand.succeed(namespace.commandLine(["tmux", "-L", server.socket, "-f", "/dev/null",
                                                            "new-session", "-d", "-s", "machine", "sleep infinity"]),
                                     environment: server.environment)
        }
        try server.start(session, commandLine: ["sh", "-c", "exec \"$0\" 2>\"$1\"", BuiltBinary.mlboard.path, dashboardErrors.path],
                         environment: variables, directory: home.path)
    }

    /// Where the dashboard's standard error goes: a crash's message would otherwise be lost
    /// with the terminal's alternate screen.
    var dashboardErrors: URL { home.appendingPathComponent("dashboard-errors.txt") }

    /// What the dashboard wrote to standard error so far, if anything.
    func dashboardErrorText() -> String {
        (try? String(contentsOf: dashboardErrors, encoding: .utf8)) ?? ""
    }
}
