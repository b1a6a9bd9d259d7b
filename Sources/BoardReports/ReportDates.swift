import BoardCore

/// Dates as reports print them: UTC, minutes at most, so output does not depend on the reader's zone.
enum ReportDates {
    /// "2025-04-15"
    static func day(_ instant: Instant) -> String { String(instant.iso8601.prefix(10)) }

    /// "2025-04-15 14:03 UTC"
    static func minute(_ instant: Instant) -> String {
        let iso = instant.iso8601
        return "\(iso.prefix(10)) \(iso.dropFirst(11).prefix(5)) UTC"
    }
}
