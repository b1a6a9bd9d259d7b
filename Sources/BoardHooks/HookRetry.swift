import Foundation

/// How often and how patiently a failing hook is tried again. Four tries, waiting 0.5 s, 1 s and
/// 2 s between them: enough to ride out a short outage of whatever the hook calls (a restarting
/// chat service, a dropped connection), short enough that later events are not held up for
/// long by a hook that is simply broken (3.5 s in all before it is reported).
public struct HookRetry: Sendable {
    public var delays: [TimeInterval]

    public init(delays: [TimeInterval] = [0.5, 1, 2]) { self.delays = delays }

    public var tries: Int { delays.count + 1 }
}
