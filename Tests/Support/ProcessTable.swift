import Foundation

/// What /proc says about processes: who descends from whom, and who is still running.
public enum ProcessTable {
    /// Every process below `root`, children and their children.
    public static func descendants(of root: pid_t) -> Set<pid_t> {
        var children: [pid_t: [pid_t]] = [:]
        for pid in allPids() {
            if let parent = stat(of: pid)?.parent { children[parent, default: []].append(pid) }
        }
        var found: Set<pid_t> = []
        var queue = [root]
        while let next = queue.popLast() {
            for child in children[next] ?? [] where found.insert(child).inserted { queue.append(child) }
        }
        return found
    }

    /// Those of `pids` that still run (a zombie has ended; it only waits for its parent).
    public static func alive(_ pids: Set<pid_t>) -> [pid_t] {
        pids.filter { pid in
            guard kill(pid, 0) == 0 || errno == EPERM else { return false }
            return stat(of: pid).map { $0.state != "Z" && $0.state != "X" } ?? false
        }
    }

    private static func allPids() -> [pid_t] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { pid_t($0) }
    }

    /// The state letter and parent of `pid`, from /proc/PID/stat (the name, in parentheses,
    /// may hold spaces, so the fields are counted from its closing parenthesis).
    private static func stat(of pid: pid_t) -> (state: Character, parent: pid_t)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 1, let state = fields[0].first, let parent = pid_t(fields[1]) else { return nil }
        return (state, parent)
    }
}
