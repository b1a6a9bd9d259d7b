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

    /// ISO 8601 in UTC with seconds, for people to read: "2026-11-26T01:14:50Z".
    /// Computed by calendar arithmetic, since a date formatter per call is slow in long lists.
    public var iso8601: String {
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = Instant.civilDate(daysSince1970: days)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }

    /// Year, month and day of the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func civilDate(daysSince1970: Int64) -> (Int64, Int64, Int64) {
        let shifted = daysSince1970 + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
