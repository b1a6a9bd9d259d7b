import Foundation
import Glibc

/// Crash injection for the reliability tests: MLBOARD_FAILPOINT=NAME:N kills this process
/// with SIGKILL the N-th time the append path reaches point NAME. Unset, it costs one lookup.
/// Only debug builds (what the tests run) read the variable: a released binary has no way in.
enum FailPoint: String, CaseIterable {
    case afterLock = "after-lock"
    case afterPartialWrite = "after-partial-write"
    case afterWriteBeforeFlush = "after-write"
    case afterFlushBeforeUnlock = "after-flush"
    case beforeSnapshot = "before-snapshot"

    private static let armed: (point: FailPoint, count: Int)? = {
        #if DEBUG
        guard let spec = ProcessInfo.processInfo.environment["MLBOARD_FAILPOINT"] else { return nil }
        let parts = spec.split(separator: ":")
        guard let point = parts.first.flatMap({ FailPoint(rawValue: String($0)) }) else { return nil }
        return (point, parts.count > 1 ? Int(parts[1]) ?? 1 : 1)
        #else
        return nil
        #endif
    }()

    nonisolated(unsafe) private static var hits = 0

    /// Whether this point is armed at all (the partial write needs to know before writing).
    static func isArmed(_ point: FailPoint) -> Bool { armed?.point == point }

    static func reach(_ point: FailPoint) {
        guard let armed, armed.point == point else { return }
        hits += 1
        if hits >= armed.count { kill(getpid(), SIGKILL) }
    }
}
