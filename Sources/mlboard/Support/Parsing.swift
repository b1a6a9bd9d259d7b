import Foundation
import ArgumentParser
import BoardCore

/// Text forms the command line accepts for core values.
enum Parse {
    /// "churn-model:3" or "churn-model@3".
    static func versionRef(_ text: String) throws -> VersionRef {
        let parts = text.split(whereSeparator: { $0 == ":" || $0 == "@" })
        guard parts.count == 2, let number = Int(parts[1]), number > 0 else {
            throw ValidationError("version '\(text)' must look like MODEL:NUMBER, for example churn-model:3")
        }
        return VersionRef(model: String(parts[0]), number: number)
    }

    /// "auc>=0.8" or "latency_ms<=120".
    static func threshold(_ text: String) throws -> MetricThreshold {
        for comparison in [MetricThreshold.Comparison.atLeast, .atMost] {
            let parts = text.components(separatedBy: comparison.rawValue)
            if parts.count == 2, let value = Double(parts[1].trimmingCharacters(in: .whitespaces)) {
                return MetricThreshold(
                    metric: parts[0].trimmingCharacters(in: .whitespaces), comparison: comparison, value: value)
            }
        }
        throw ValidationError("threshold '\(text)' must look like METRIC>=VALUE or METRIC<=VALUE, for example auc>=0.8")
    }

    /// "auc=0.91".
    static func metric(_ text: String) throws -> (String, Double) {
        let parts = text.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, let value = Double(parts[1]) else {
            throw ValidationError("metric '\(text)' must look like NAME=VALUE, for example auc=0.91")
        }
        return (String(parts[0]), value)
    }

    /// "team=risk".
    static func tag(_ text: String) throws -> (String, String) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else {
            throw ValidationError("tag '\(text)' must look like NAME=VALUE, for example team=risk")
        }
        return (String(parts[0]), String(parts[1]))
    }

    static func raci(_ text: String) throws -> RACI {
        guard let letter = RACI(rawValue: text.uppercased()) else {
            throw ValidationError("RACI letter '\(text)' must be one of R, A, C, I")
        }
        return letter
    }
}


extension Severity: ExpressibleByArgument {}
extension ChallengeStatus: ExpressibleByArgument {}
extension ProjectStatus: ExpressibleByArgument {}
