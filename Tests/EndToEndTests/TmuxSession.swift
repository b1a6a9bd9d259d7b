import TestSupport
import Foundation
import Testing

/// A private tmux server (its own socket) running the real mlboard, driven by keys as a
/// person would; only what this harness started is ever killed.
final class TmuxServer {
    let socket = "mlboard-e2e-\(UUID().uuidString.prefix(8))"
    let environment: [String: String]
    /// The server and every process seen under it: what the teardown must see gone.
    private(set) var started: Set<pid_t> = []

    private init(environment: [String: String]) {
        self.environment = environment
    }

    /// Runs `body` with a fresh server and tears the server down afterwards on every path,
    /// thrown errors included; the test fails if a process it started outlives the teardown.
    static func with(environment: [String: String], _ body: (TmuxServer) throws -> Void) throws {
        let server = TmuxServer(environment: environment)
        defer {
            let survivors = server.stop()
            #expect(survivors.isEmpty, "still alive after kill-server on \(server.socket): \(survivors.sorted())")
        }
        try body(server)
    }

    /// Kills the server (which hangs up on its panes), waits for everything it started to end,
    /// and returns what did not (killed outright, so nothing is left behind either way).
    func stop() -> [pid_t] {
        noteProcesses()
        _ = try? tmux(["kill-server"])
        let deadline = Date().addingTimeInterval(5)
        while !ProcessTable.alive(started).isEmpty && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let survivors = ProcessTable.alive(started)
        for pid in survivors { kill(pid, SIGKILL) }
        return survivors
    }

    /// Remembers the server's pid and every process below it.
    func noteProcesses() {
        guard let server = try? tmux(["list-sessions", "-F", "#{pid}"]).split(separator: "\n").first.flatMap({ pid_t($0) }) else { return }
        started.insert(server)
        started.formUnion(ProcessTable.descendants(of: server))
    }

    /// Runs a tmux command with posix_spawn and waitpid. Output goes through a file, not a
    /// pipe: the server the first command starts would inherit a pipe and hold it open.
    /// tmux starts with no signal blocked and every handler at its default: a test runs on a
    /// worker thread that blocks signals, and a server inheriting that mask ignores SIGTERM.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString.prefix(6)).out").path
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Nothing else: a server started while another test reads a child's pipe would hold
        // that pipe open for ever, and the other test would wait for its end for ever.
        TmuxServer.closeFrom(3, in: &actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noneBlocked = sigset_t()
        sigemptyset(&noneBlocked)
        posix_spawnattr_setsigmask(&attributes, &noneBlocked)
        var allDefault = sigset_t()
        sigfillset(&allDefault)
        sigdelset(&allDefault, SIGKILL)
        sigdelset(&allDefault, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &allDefault)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ["tmux", "-L", socket] + arguments
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = envp.map { strdup($0) } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, &cArgs, &cEnv)
        guard spawned == 0 else { throw TmuxFailure(message: "cannot start tmux: \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    /// glibc's posix_spawn_file_actions_addclosefrom_np (2.34 and later), which Swift's Glibc
    /// module does not declare.
    private static func closeFrom(_ lowest: Int32, in actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, lowest)
    }

    /// Starts `mlboard arguments` in a new 120x40 session called `name`. When mlboard ends,
    /// the shell prints its exit status and the pane stays, so the status can be read (tmux's
    /// own #{pane_dead_status} is sometimes left empty here).
    func start(_ name: String, _ arguments: [String]) throws {
        let command = ([EndToEnd.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        try tmux(["new-session", "-d", "-s", name, "-x", "120", "-y", "40",
                  "env LANG=C.UTF-8 TERM=xterm-256color \(command); echo \"\(TmuxServer.exitMark)$?.\"",
                  ";", "set-option", "-t", name, "remain-on-exit", "on"])
        noteProcesses()
    }

    private static let exitMark = "mlboard exited with status "

    /// The exit status of the program in `name`, once it ended; nil while it runs.
    func exitStatus(_ name: String) throws -> Int? {
        // The line may have scrolled into the history above the screen.
        let screen = try tmux(["capture-pane", "-p", "-S", "-100", "-t", name])
        guard let mark = screen.range(of: TmuxServer.exitMark) else { return nil }
        return Int(screen[mark.upperBound...].prefix { $0.isNumber })
    }

    /// Waits up to `seconds` for the program in `name` to end; returns its exit status.
    func waitForExit(_ name: String, seconds: Double = 10) throws -> Int? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let status = try exitStatus(name) { return status }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return nil
    }

    func keys(_ name: String, _ keys: String...) throws {
        for key in keys { try tmux(["send-keys", "-t", name, key]) }
    }

    func type(_ name: String, _ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    func screen(_ name: String) throws -> String {
        try tmux(["capture-pane", "-p", "-t", name])
    }

    /// Waits until the screen satisfies `condition`, up to `seconds`; returns the last screen.
    @discardableResult
    func waitFor(_ name: String, seconds: Double = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen(name)
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return last
    }
}

enum EndToEnd {
    static var binary: URL { BuiltBinary.mlboard }

    static var tmuxAvailable: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A fresh demo workspace in a temporary folder; returns its path and an environment for it.
    static func demoWorkspace() throws -> (directory: String, environment: [String: String]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-e2e-\(UUID().uuidString.prefix(8))")
        var environment = ProcessInfo.processInfo.environment
        for key in ["MLBOARD_DIR", "MLBOARD_USER", "NO_COLOR", "TMUX"] { environment.removeValue(forKey: key) }
        environment["XDG_STATE_HOME"] = root.appendingPathComponent("state").path
        environment["XDG_CONFIG_HOME"] = root.appendingPathComponent("config").path
        let directory = root.appendingPathComponent("demo").path
        let process = Process()
        process.executableURL = binary
        process.arguments = ["demo", "--no-tui", "--dir", directory]
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (directory, environment)
    }

    /// The column (in display cells, ASCII lines) where `text` starts on the first line holding it.
    static func column(of text: String, in screen: String) -> Int? {
        for line in screen.split(separator: "\n") {
            if let range = line.range(of: text) { return line.distance(from: line.startIndex, to: range.lowerBound) }
        }
        return nil
    }
}

struct TmuxFailure: Error {
    var message: String
}
