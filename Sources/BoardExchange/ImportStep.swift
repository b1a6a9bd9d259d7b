import BoardCore

/// One command an import will run, with who makes it, when, and where in the input it came from.
public struct ImportStep: Sendable {
    public var command: Command
    public var actor: String
    public var at: Instant
    public var origin: ImportOrigin
    /// The entity count it adds to in a dry-run summary ("projects", "approvals"...).
    public var counts: String

    public init(_ command: Command, by actor: String, at: Instant, origin: ImportOrigin, counts: String) {
        self.command = command
        self.actor = actor
        self.at = at
        self.origin = origin
        self.counts = counts
    }
}

/// Where a step came from: a row of a CSV file (row 1 is the header) or an entry of a JSON export.
public struct ImportOrigin: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// "row 3" for CSV, "requests PR-4, approval by bob" for JSON.
    public var place: String
    /// Finds the column a refusal is about, for CSV rows.
    public var columnFor: @Sendable (RuleViolation) -> String?

    public init(file: String, place: String, columnFor: @escaping @Sendable (RuleViolation) -> String? = { _ in nil }) {
        self.file = file
        self.place = place
        self.columnFor = columnFor
    }

    public var description: String { "\(file), \(place)" }

    public static func == (lhs: ImportOrigin, rhs: ImportOrigin) -> Bool {
        lhs.file == rhs.file && lhs.place == rhs.place
    }
}

/// A step a rule refused: nothing of the import was written.
public struct ImportFailure: Error, CustomStringConvertible {
    public var origin: ImportOrigin
    public var column: String?
    public var violation: RuleViolation

    public init(origin: ImportOrigin, column: String?, violation: RuleViolation) {
        self.origin = origin
        self.column = column
        self.violation = violation
    }

    public var description: String {
        let columnText = column.map { ", column \($0)" } ?? ""
        return "\(origin)\(columnText): rule \(violation.rule.rawValue): \(violation.message). Nothing was imported"
    }
}
