import Foundation

/// A moment in time, in whole milliseconds since 1970-01-01 UTC.
/// The core never reads a clock: callers pass `now` in, so replay is exact.
public struct Instant: Codable, Hashable, Comparable, Sendable {
    public var millis: Int64

    public init(millis: Int64) { self.millis = millis }

    public init(_ date: Date) {
        self.millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    public var date: Date { Date(timeIntervalSince1970: Double(millis) / 1000) }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.millis < rhs.millis }

    public func adding(days: Int) -> Instant {
        Instant(millis: millis + Int64(days) * 86_400_000)
    }

    public func days(since earlier: Instant) -> Int {
        Int((millis - earlier.millis) / 86_400_000)
    }

    public init(from decoder: Decoder) throws {
        millis = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(millis)
    }

    /// ISO 8601 in UTC with seconds, for people to read.
    public var iso8601: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
