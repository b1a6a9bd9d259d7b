import TestSupport
import Foundation
import Glibc
import Testing

/// Real dashboards of different OS users under a private tmux server, torn down on every path.
@Suite("Dashboards of several people", .enabled(if: Person.canSwitchUsers && TmuxServer.available, "needs root, setpriv and tmux"))
struct DashboardSharingTests {
    @Test("alice (umask 022) and carol (umask 077) each see the other's dashboard")
    func presenceAcrossUsers() throws {
        let team = try TeamFolder()
        defer { team.cleanUp() }
        try team.startWorkspace()
        try TmuxServer.with(label: "mlboard-sharing") { tmux in
            for person in [Person.alice, .carol] {
                try tmux.start(person.handle, commandLine: person.commandLine([team.binary.path, "dashboard"]),
                               environment: person.terminalEnvironment(in: team), width: 200, height: 50)
            }
            let alice = try tmux.waitFor("alice") { $0.contains("also here: carol") }
            #expect(alice.contains("also here: carol"), "\(alice)")
            let carol = try tmux.waitFor("carol") { $0.contains("also here: alice") }
            #expect(carol.contains("also here: alice"), "\(carol)")
            let presence = try FileManager.default.contentsOfDirectory(atPath: team.data.appendingPathComponent("presence").path)
            #expect(presence.count == 2, "\(presence)")
        }
    }

    @Test("a dashboard whose terminal disappears without a SIGHUP reaching it exits and leaves no presence behind")
    func exitsWhenTheTerminalIsGone() throws {
        let team = try TeamFolder()
        defer { team.cleanUp() }
        try team.startWorkspace()
        try TmuxServer.with(label: "mlboard-sharing") { tmux in
            // setsid puts the dashboard in a session of its own, as su, sudo and runuser can: the
            // terminal's hang-up signal then goes elsewhere, and only its input tells it.
            let line = Person.bob.commandLine(["/usr/bin/setsid", "-w", team.binary.path, "dashboard"])
            try tmux.start("bob", commandLine: line, environment: Person.bob.terminalEnvironment(in: team), width: 200, height: 50)
            let screen = try tmux.waitFor("bob") { $0.contains("Overview") }
            #expect(screen.contains("Overview"), "\(screen)")
            let running = DashboardProcesses.matching(team.binary.path)
            #expect(!running.isEmpty, "the dashboard runs")
            tmux.killServer()
            let deadline = Date().addingTimeInterval(5)
            while Date() < deadline && !DashboardProcesses.matching(team.binary.path).isEmpty { usleep(50_000) }
            let left = DashboardProcesses.matching(team.binary.path)
            #expect(left.isEmpty, "the dashboard exited within 5 seconds")
            for pid in left { kill(pid, SIGKILL) }
            let presence = (try? FileManager.default.contentsOfDirectory(atPath: team.data.appendingPathComponent("presence").path)) ?? []
            #expect(presence.isEmpty, "its presence file is gone: \(presence)")
        }
    }
}

extension Person {
    /// What of this person's environment the dashboard's command line sets: the tmux server
    /// runs as root with the test runner's environment.
    func terminalEnvironment(in team: TeamFolder) -> [String: String] {
        environment(in: team).filter { ["HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "MLBOARD_DIR", "MLBOARD_USER"].contains($0.key) }
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
