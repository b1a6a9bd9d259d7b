import BoardCore

/// Turns rows of projects.csv, stakeholders.csv or challenges.csv (the export's columns; only some
/// are needed) into commands made by the importing person now. Ids, creators and times in the rows
/// are not replayed: imported rows are new work in this workspace.
public enum CSVImportPlanner {
    public enum Kind: String, CaseIterable, Sendable {
        case projects, stakeholders, challenges

        var requiredColumns: [String] {
            switch self {
            case .projects: ["slug", "name", "goal"]
            case .stakeholders: ["handle", "name", "role"]
            case .challenges: ["category", "severity", "title"]
            }
        }

        /// By file name (projects.csv), else by the header's required columns.
        public static func detect(fileName: String, headers: [String]) -> Kind? {
            let base = fileName.split(separator: "/").last.map(String.init) ?? fileName
            if let named = allCases.first(where: { base.lowercased() == "\($0.rawValue).csv" }) { return named }
            return allCases.first { kind in kind.requiredColumns.allSatisfy(headers.contains) }
        }
    }

    public static func steps(
        _ table: CSVTable, kind: Kind, file: String, actor: String, now: Instant
    ) throws -> [ImportStep] {
        for column in kind.requiredColumns where !table.headers.contains(column) {
            throw ExchangeError.unreadable("\(file): the header has no column '\(column)' (needed for \(kind.rawValue))")
        }
        var result: [ImportStep] = []
        for (index, cells) in table.rows.enumerated() {
            let row = CSVRow(headers: table.headers, cells: cells, file: file, number: index + 2)
            do {
                for (command, counts) in try commands(for: row, kind: kind) {
                    let origin = ImportOrigin(file: file, place: "row \(row.number)", columnFor: CSVColumns.finder(for: kind))
                    result.append(ImportStep(command, by: actor, at: now, origin: origin, counts: counts))
                }
            } catch let violation as CSVCellViolation {
                throw ImportFailure(
                    origin: ImportOrigin(file: file, place: "row \(row.number)"), column: violation.column,
                    violation: violation.violation)
            }
        }
        return result
    }

    private static func commands(for row: CSVRow, kind: Kind) throws -> [(Command, String)] {
        switch kind {
        case .projects:
            let slug = row["slug"]
            let new = NewProject(
                slug: slug, name: row["name"], description: row["description"], goal: row["goal"],
                otherGoals: row.list("otherGoals"), priorityBasis: row.optional("priorityBasis"),
                impactAreas: row.list("impactAreas"), cadence: row.optional("cadence"), step: row.optional("step"))
            var commands: [(Command, String)] = [(.createProject(new), "projects")]
            if let status = try row.value("status", as: ProjectStatus.self), status != .active {
                commands.append((.setProjectStatus(slug: slug, status: status), "project statuses"))
            }
            if try row.bool("archived") == true { commands.append((.archiveProject(slug: slug), "archived projects")) }
            return commands
        case .stakeholders:
            let handle = row["handle"]
            let person = Stakeholder(
                handle: handle, name: row["name"], role: row["role"], email: row.optional("email"),
                isLead: try row.bool("isLead") ?? false, approvalStages: row.list("approvalStages"))
            var commands: [(Command, String)] = [(.addStakeholder(person), "stakeholders")]
            if try row.bool("active") == false { commands.append((.deactivateStakeholder(handle: handle), "deactivations")) }
            return commands
        case .challenges:
            guard let severity = try row.value("severity", as: Severity.self) else {
                throw CSVCellViolation(column: "severity", violation: RuleViolation(.invalidText, "severity must not be empty"))
            }
            let new = NewChallenge(
                project: row.optional("project"), category: row["category"], severity: severity,
                owner: row.optional("owner"), title: row["title"], description: row["description"])
            var commands: [(Command, String)] = [(.openChallenge(new), "challenges")]
            if let status = try row.value("status", as: ChallengeStatus.self), status != .open {
                // The new challenge's id is only known once decided; the runner decides in order, so predict it.
                commands.append((.moveChallenge(id: CSVImportPlanner.pendingChallengeId, to: status, note: row.optional("resolution")),
                                 "challenge moves"))
            }
            return commands
        }
    }

    /// Stands for "the challenge opened by the step before"; `resolvingChallengeIds` fills it in.
    static let pendingChallengeId = "CH-?"

    /// Gives moves of just-opened challenges the ids the workspace will hand out, counting from `counter`.
    public static func resolvingChallengeIds(_ steps: [ImportStep], counter: Int) -> [ImportStep] {
        var next = counter
        return steps.map { step in
            var step = step
            switch step.command {
            case .openChallenge:
                next += 1
            case .moveChallenge(let id, let status, let note) where id == pendingChallengeId:
                step.command = .moveChallenge(id: "CH-\(next)", to: status, note: note)
            default:
                break
            }
            return step
        }
    }
}

/// A problem found in one cell before any rule ran (a bad boolean or severity).
struct CSVCellViolation: Error {
    var column: String
    var violation: RuleViolation
}

/// One data row, read by column name; a missing column reads as an empty cell.
struct CSVRow {
    var headers: [String]
    var cells: [String]
    var file: String
    /// As a spreadsheet numbers it: the header is row 1.
    var number: Int

    subscript(column: String) -> String {
        guard let index = headers.firstIndex(of: column), index < cells.count else { return "" }
        return cells[index]
    }

    func optional(_ column: String) -> String? {
        let text = self[column].trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : self[column]
    }

    func list(_ column: String) -> [String] {
        self[column].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func bool(_ column: String) throws -> Bool? {
        switch self[column].trimmingCharacters(in: .whitespaces).lowercased() {
        case "": return nil
        case "true", "yes", "1": return true
        case "false", "no", "0": return false
        default:
            throw CSVCellViolation(column: column, violation: RuleViolation(
                .invalidText, "\(column) '\(self[column].prefix(40))' must be true or false"))
        }
    }

    func value<T: RawRepresentable & CaseIterable>(_ column: String, as type: T.Type) throws -> T? where T.RawValue == String {
        let text = self[column].trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        guard let value = T(rawValue: text) else {
            let choices = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw CSVCellViolation(column: column, violation: RuleViolation(
                .unknownVocabulary, "\(column) '\(text.prefix(40))' is not one of: \(choices)"))
        }
        return value
    }
}

import Foundation
