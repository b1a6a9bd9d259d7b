import Foundation

/// The test runner's environment without what would make mlboard act as, or sign as, the person
/// running the tests: their workspace, handle, failpoints, signing key and ssh-agent.
public enum HermeticEnvironment {
    public static let personalKeys = [
        "MLBOARD_DIR", "MLBOARD_USER", "MLBOARD_FAILPOINT", "MLBOARD_SIGNING_KEY", "SSH_AUTH_SOCK", "SSH_AGENT_PID",
    ]

    public static func current() -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in personalKeys { environment.removeValue(forKey: key) }
        return environment
    }

    /// The same, with this user's state (seen markers) and cache (snapshots) kept under `root`,
    /// so tests never share them.
    public static func current(keepingStateAndCacheIn root: URL) -> [String: String] {
        var environment = current()
        environment["XDG_STATE_HOME"] = root.appendingPathComponent("state").path
        environment["XDG_CACHE_HOME"] = root.appendingPathComponent("cache").path
        return environment
    }
}
