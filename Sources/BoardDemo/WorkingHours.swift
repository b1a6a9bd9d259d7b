import BoardCore

/// The working hours (weekdays, 08:00 to 18:00 UTC) within a window, so the demo's people
/// act in office hours; a window without any falls back to the whole window.
struct WorkingHours {
    private var spans: [(start: Int64, end: Int64)] = []
    private var total: Int64 = 0

    struct Cursor {
        var span = 0
        var before: Int64 = 0
    }

    init(from start: Int64, to end: Int64) {
        let day: Int64 = 86_400_000
        var midnight = start - start % day
        while midnight < end {
            // 1970-01-01 was a Thursday: (days + 3) % 7 is 0 on Mondays.
            let weekday = (midnight / day + 3) % 7
            if weekday < 5 {
                let open = max(start, midnight + 8 * 3_600_000)
                let close = min(end, midnight + 18 * 3_600_000)
                if open < close { spans.append((open, close)) }
            }
            midnight += day
        }
        if spans.isEmpty { spans = [(start, end)] }
        total = spans.reduce(0) { $0 + ($1.end - $1.start) }
    }

    /// The moment `fraction` of the way through the working time; fractions must not decrease
    /// between calls that share `cursor`.
    func moment(atFraction fraction: Double, cursor: inout Cursor) -> Int64 {
        let target = Int64(Double(total) * min(max(fraction, 0), 1))
        while cursor.span < spans.count - 1 {
            let length = spans[cursor.span].end - spans[cursor.span].start
            if cursor.before + length > target { break }
            cursor.before += length
            cursor.span += 1
        }
        let span = spans[cursor.span]
        return min(span.end, span.start + (target - cursor.before))
    }
}
