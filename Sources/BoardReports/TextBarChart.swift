import BoardCore

/// Horizontal bars of block characters, scaled so the longest is `width` wide.
enum TextBarChart {
    static func lines(_ bars: [ReportBar], width: Int = 30) -> [String] {
        let labelWidth = bars.map(\.label.count).max() ?? 0
        let largest = max(bars.map(\.value).max() ?? 0, 1)
        return bars.map { bar in
            let length = bar.value == 0 ? 0 : max(1, (bar.value * width + largest / 2) / largest)
            let padded = bar.label + String(repeating: " ", count: labelWidth - bar.label.count)
            return "\(padded)  \(String(repeating: "█", count: length)) \(bar.value)"
        }
    }
}
