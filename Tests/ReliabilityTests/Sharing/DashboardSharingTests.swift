import TestSupport
import Foundation
import Glibc
import Testing

/// Real dashboards of different OS users under a private tmux server, torn down on every path.
@Suite("Dashboards of several people", .enabled(if: Person.canSwitchUsers && PrivateTmux.available, "needs root, setpriv and tmux"))
struct DashboardSharingTests {
    @Test("alice (umask 022) and carol (umask 077) each see the other's dashboard")
    func presenceAcrossUsers() throws {
        let team = try TeamFolder()
        defer { team.cleanUp() }
        try team.startWorkspace()
        let tmux = PrivateTmux()
        defer { tmux.stop() }
        for person in [Person.alice, .carol] {
            try tmux.start(person.handle, person.commandLine([team.binary.path, "dashboard"]), environment: person.environment(in: team))
        }
        #expect(try tmux.waitFor("alice") { $0.contains("also here: carol") }, "\(tmux.screen("alice"))")
        #expect(try tmux.waitFor("carol") { $0.contains("also here: alice") }, "\(tmux.screen("carol"))")
        let presence = try FileManager.default.contentsOfDirectory(atPath: team.data.appendingPathComponent("presence").path)
        #expect(presence.count == 2, "\(presence)")
    }

    @Test("a dashboard whose terminal disappears without a SIGHUP reaching it exits and leaves no presence behind")
    func exitsWhenTheTerminalIsGone() throws {
        let team = try TeamFolder()
        defer { team.cleanUp() }
        try team.startWorkspace()
        let tmux = PrivateTmux()
        defer { tmux.stop() }
        // setsid puts the dashboard in a session of its own, as su, sudo and runuser can: the
        // terminal's hang-up signal then goes elsewhere, and only its input tells it.
        let line = Person.bob.commandLine(["/usr/bin/setsid", "-w", team.binary.path, "dashboard"])
        try tmux.start("bob", line, environment: Person.bob.environment(in: team))
        #expect(try tmux.waitFor("bob") { $0.contains("Overview") }, "\(tmux.screen("bob"))")
        let running = DashboardProcesses.matching(team.binary.path)
        #expect(!running.isEmpty, "the dashboard runs")
        tmux.stop()
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline && !DashboardProcesses.matching(team.binary.path).isEmpty { usleep(50_000) }
        let left = DashboardProcesses.matching(team.binary.path)
        #expect(left.isEmpty, "the dashboard exited within 5 seconds")
        for pid in left { kill(pid, SIGKILL) }
        let presence = (try? FileManager.default.contentsOfDirectory(atPath: team.data.appendingPathComponent("presence").path)) ?? []
        #expect(presence.isEmpty, "its presence file is gone: \(presence)")
    }
}

/// A tmux server on its own socket; `stop` kills it and everything in it.
final class PrivateTmux {
    static let available = FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
    let socket = "mlboard-sharing-\(UUID().uuidString.prefix(8))"

    func start(_ name: String, _ command: [String], environment: [String: String]) throws {
        let exports = ["HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "MLBOARD_DIR", "MLBOARD_USER"]
            .compactMap { key in environment[key].map { "\(key)='\($0)'" } }.joined(separator: " ")
        let quoted = command.map { "'\($0)'" }.joined(separator: " ")
        try run(["new-session", "-d", "-s", name, "-x", "200", "-y", "50", "env LANG=C.UTF-8 TERM=xterm-256color \(exports) \(quoted)"])
    }

    func screen(_ name: String) -> String { (try? run(["capture-pane", "-p", "-t", name])) ?? "" }

    /// Polls the screen for up to 10 seconds.
    func waitFor(_ name: String, _ condition: (String) -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if condition(screen(name)) { return true }
            usleep(100_000)
        }
        return false
    }

    func stop() { _ = try? run(["kill-server"]) }

    /// Runs tmux with posix_spawn, its output through a file: a pipe would be inherited by the
    /// server the first call starts, and a reader would wait for its end forever.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString.prefix(6)).out").path
        defer { unlink(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // The server must not inherit the test runner's blocked signals.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var argv = (["tmux", "-L", socket, "-f", "/dev/null"] + arguments).map { strdup($0) } + [nil]
        var environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            environment.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/tmux", &actions, &attributes, &argv, &environment)
        guard spawned == 0 else { throw Failure("cannot start tmux: \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }
}

/// Processes whose command line names `needle` (the test's own copy of the binary).
enum DashboardProcesses {
    static func matching(_ needle: String) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry), pid != getpid(),
                  let cmdline = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
            let arguments = cmdline.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return arguments.first == needle && arguments.contains("dashboard") ? pid : nil
        }
    }
}
