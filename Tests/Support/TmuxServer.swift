import Foundation
import Testing

/// A private tmux server (its own -L socket, no configuration file) for one test, running
/// programs in detached sessions driven by keys as a person would; only what this server
/// started is ever killed.
public final class TmuxServer {
    public let socket: String
    /// The environment of every tmux command, and so of the server the first one starts.
    public let environment: [String: String]
    /// The server and every process seen under it: what the teardown must see gone.
    public private(set) var started: Set<pid_t> = []

    public static var available: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private init(label: String, environment: [String: String]) {
        socket = "\(label)-\(UUID().uuidString.prefix(8))"
        var environment = environment
        environment.removeValue(forKey: "TMUX")
        self.environment = environment
    }

    /// Runs `body` with a fresh server and tears the server down afterwards on every path,
    /// thrown errors included (a deinit is not a reliable place); the test fails if a process
    /// the server started outlives the teardown.
    public static func with(label: String = "mlboard-test",
                            environment: [String: String] = ProcessInfo.processInfo.environment,
                            sourceLocation: SourceLocation = #_sourceLocation,
                            _ body: (TmuxServer) throws -> Void) throws {
        let server = TmuxServer(label: label, environment: environment)
        defer {
            let survivors = server.stop()
            #expect(survivors.isEmpty, "still alive after kill-server on \(server.socket): \(survivors.sorted())",
                    sourceLocation: sourceLocation)
        }
        try body(server)
    }

    /// Kills the server (which hangs up on its panes), waits for everything it started to end,
    /// and returns what did not (killed outright, so nothing is left behind either way).
    @discardableResult
    public func stop() -> [pid_t] {
        killServer()
        let deadline = Date().addingTimeInterval(5)
        while !ProcessTable.alive(started).isEmpty && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let survivors = ProcessTable.alive(started)
        for pid in survivors { kill(pid, SIGKILL) }
        return survivors
    }

    /// Only kills the server, for a test that watches what its programs do when their terminal
    /// is gone; the teardown still checks that they ended.
    public func killServer() {
        noteProcesses()
        _ = try? tmux(["kill-server"])
    }

    /// Remembers the server's pid and every process below it.
    public func noteProcesses() {
        guard let server = try? tmux(["list-sessions", "-F", "#{pid}"]).split(separator: "\n").first.flatMap({ pid_t($0) }) else { return }
        started.insert(server)
        started.formUnion(ProcessTable.descendants(of: server))
    }

    /// Runs one tmux command on this server's socket; returns its standard output.
    @discardableResult
    public func tmux(_ arguments: [String]) throws -> String {
        try CleanSpawn.run(["tmux", "-L", socket, "-f", "/dev/null"] + arguments, environment: environment, outputName: socket)
    }

    /// Starts `commandLine` (a program and its arguments) in a new detached session `name` of
    /// `width` x `height` columns and rows, in `directory` if given, with `environment` set on
    /// top of a UTF-8 xterm (LANG=C.UTF-8, TERM=xterm-256color). When the program ends, the
    /// shell prints its exit status and the pane stays, so the status can be read (tmux's own
    /// #{pane_dead_status} is sometimes left empty here).
    public func start(_ name: String, commandLine: [String], environment: [String: String] = [:],
                      width: Int = 120, height: Int = 40, directory: String? = nil) throws {
        let variables = TmuxServer.terminal.merging(environment) { $1 }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let command = (["env"] + variables + commandLine).map(TmuxServer.quoted).joined(separator: " ")
        let place = directory.map { ["-c", $0] } ?? []
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)"] + place
                 + ["\(command); echo \"\(TmuxServer.exitMark)$?.\"", ";", "set-option", "-t", name, "remain-on-exit", "on"])
        noteProcesses()
    }

    private static let terminal = ["LANG": "C.UTF-8", "TERM": "xterm-256color"]
    private static let exitMark = "exited with status "

    /// `word` in single quotes for the shell, single quotes in it included.
    private static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// The exit status of the program in `name`, once it ended; nil while it runs.
    public func exitStatus(_ name: String) throws -> Int? {
        // The line may have scrolled into the history above the screen.
        let screen = try tmux(["capture-pane", "-p", "-S", "-100", "-t", name])
        guard let mark = screen.range(of: TmuxServer.exitMark) else { return nil }
        return Int(screen[mark.upperBound...].prefix { $0.isNumber })
    }

    /// Waits up to `seconds` for the program in `name` to end; returns its exit status.
    public func waitForExit(_ name: String, seconds: Double = 10) throws -> Int? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let status = try exitStatus(name) { return status }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return nil
    }

    /// Sends each of `keys` by its tmux name ("Enter", "C-c", "q").
    public func keys(_ name: String, _ keys: String...) throws {
        for key in keys { try tmux(["send-keys", "-t", name, key]) }
    }

    /// Types `text` literally.
    public func type(_ name: String, _ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    /// The visible screen of `name`, one line a row.
    public func screen(_ name: String) throws -> String {
        try tmux(["capture-pane", "-p", "-t", name])
    }

    /// The visible screen with its colours and attributes as escape sequences.
    public func styledScreen(_ name: String) throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", name])
    }

    /// Waits until the screen satisfies `condition`, up to `seconds`; returns the last screen.
    @discardableResult
    public func waitFor(_ name: String, seconds: Double = 10, _ condition: (String) -> Bool) throws -> String {
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
