import CNCurses
import Foundation
import Glibc

/// A tmux server on its own socket for one test, running the real mlboard binary. Whoever
/// starts one calls `stop()` on every path (a `defer`): a deinit is not a reliable place.
/// tmux starts with no signals blocked, so SIGTERM from `kill-server` reaches it.
final class PrivateTmux {
    let socket = "mlboard-render-\(UUID().uuidString.prefix(8))"
    let environment: [String: String]

    init(environment: [String: String]) {
        self.environment = environment
    }

    func stop() { tmux(["kill-server"]) }

    /// Runs `command` (already quoted for a shell) in a new detached session `name` of the given size.
    func start(_ name: String, width: Int, height: Int, command: String) {
        tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command])
    }

    func keys(_ name: String, _ keys: String...) {
        for key in keys { tmux(["send-keys", "-t", name, key]) }
    }

    func type(_ name: String, _ text: String) { tmux(["send-keys", "-t", name, "-l", text]) }

    func screen(_ name: String) -> String { tmux(["capture-pane", "-p", "-t", name]) }

    /// Polls the screen until `condition` holds or `seconds` pass; returns the last screen.
    @discardableResult
    func waitFor(_ name: String, seconds: Double = 10, _ condition: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = screen(name)
        while !condition(last) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            last = screen(name)
        }
        return last
    }

    /// Output goes through a file: a pipe would be inherited, and held open, by the server.
    @discardableResult
    func tmux(_ arguments: [String]) -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString.prefix(6)).out").path
        defer { unlink(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "tmux", &actions, &attributes, argv, envp) == 0 else { return "" }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    static var available: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// A fresh demo workspace in a temporary folder, and an environment that points the binary at
/// it and keeps the tester's own settings out.
struct DemoDirectory {
    let binary: URL
    let root: URL
    let directory: String
    let environment: [String: String]

    init() throws {
        guard let binary = MLBoardBinary.url else { throw CocoaError(.fileNoSuchFile) }
        self.binary = binary
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-render-\(UUID().uuidString.prefix(8))")
        var environment = ProcessInfo.processInfo.environment
        for key in ["MLBOARD_DIR", "MLBOARD_USER", "NO_COLOR", "TMUX", "LC_ALL", "LC_CTYPE"] { environment.removeValue(forKey: key) }
        environment["LANG"] = "C.UTF-8"  // tmux itself reads UTF-8, whatever the dashboard runs under
        environment["XDG_STATE_HOME"] = root.appendingPathComponent("state").path
        environment["XDG_CONFIG_HOME"] = root.appendingPathComponent("config").path
        self.environment = environment
        directory = root.appendingPathComponent("demo").path
        try run(["demo", "--no-tui", "--dir", directory])
    }

    /// Runs the command line with `arguments` on this workspace.
    func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments + (arguments.first == "demo" ? [] : ["--dir", directory])
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 { throw CLIFailure(arguments: arguments, status: process.terminationStatus) }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Columns a captured line takes, by the C library's count (what tmux uses too).
    static func columns(_ line: String) -> Int {
        _ = UTF8Locale.ready
        return line.unicodeScalars.reduce(0) { $0 + max(0, Int(mlb_wcwidth($1.value))) }
    }
}

struct CLIFailure: Error {
    var arguments: [String]
    var status: Int32
}

/// The mlboard binary built beside this test runner.
enum MLBoardBinary {
    static var url: URL? {
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: runner).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("mlboard")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}
