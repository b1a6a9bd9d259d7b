import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts a program as a daemon-to-be must start: nothing of the test runner inherited.
public enum CleanSpawn {
    /// Runs `arguments` (found on PATH) under `environment`, waits for it and returns what it
    /// wrote to standard output. Output goes through a file, not a pipe: a server the program
    /// starts (tmux) would inherit a pipe and hold it open.
    public static func run(_ arguments: [String], environment: [String: String], outputName: String) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(outputName)-\(UUID().uuidString.prefix(6)).out").path
        defer { unlink(outputPath) }
        let pid = try start(arguments, environment: environment, output: outputPath)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    /// Starts `arguments` with posix_spawn and returns its process id, standard output going
    /// to `output` (or /dev/null). The program starts with no signal blocked and every handler
    /// at its default: a test runs on a worker thread that blocks signals, and a child
    /// inheriting that mask ignores SIGTERM (tmux's server, ssh-agent under `timeout`). It
    /// inherits no descriptor beyond 0-2: a server started while another test reads a
    /// child's pipe would hold that pipe open for ever.
    public static func start(_ arguments: [String], environment: [String: String], output: String? = nil) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        closeFrom(3, in: &actions)
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
        var cArgs = arguments.map { strdup($0) } + [nil]
        var cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, &cArgs, &cEnv)
        guard spawned == 0 else { throw SpawnFailure(program: arguments[0], code: spawned) }
        return pid
    }

    /// glibc's posix_spawn_file_actions_addclosefrom_np (2.34 and later), which Swift's Glibc
    /// module does not declare.
    private static func closeFrom(_ lowest: Int32, in actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, lowest)
    }
}

public struct SpawnFailure: Error, CustomStringConvertible {
    public var program: String
    public var code: Int32
    public var description: String { "cannot start \(program): \(String(cString: strerror(code)))" }
}
