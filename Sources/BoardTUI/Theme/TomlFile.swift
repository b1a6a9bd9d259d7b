import Foundation
import TOMLKit

/// A TOML file (themes, config.toml) read with TOMLKit, entry by entry: each `key = value`
/// comes with the line it starts on, and each problem names its line, so one bad line costs
/// only itself. Lines that are not UTF-8 or do not parse are reported and left out; the rest
/// is read as TOML says.
struct TomlFile {
    enum Value: Equatable {
        case string(String)
        case bool(Bool)
        /// Any other TOML type, by its name ("integer", "array", ...).
        case other(String)
    }

    struct Entry: Equatable {
        /// Table names and key parts: `[keys]` then `projects.new = "n"` is ["keys", "projects", "new"].
        var path: [String]
        var value: Value
        var line: Int

        /// The key parts below the table named `table`, joined with dots.
        func key(below table: String) -> String? {
            guard path.count >= 2, path[0] == table else { return nil }
            return path.dropFirst().joined(separator: ".")
        }
    }

    struct Problem: Equatable, CustomStringConvertible {
        var line: Int
        var key: String?
        var message: String

        var description: String {
            "line \(line)\(key.map { " key '\($0)'" } ?? ""): \(message)"
        }
    }

    /// Every value that is not a table, in the order of their lines.
    var entries: [Entry] = []
    var problems: [Problem] = []

    init(text: String) { self.init(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)) }

    init(data: Data) {
        var lines: [String] = []
        var problems: [Problem] = []
        for (index, bytes) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            if let line = String(validating: bytes, as: UTF8.self) {
                lines.append(line)
            } else {
                problems.append(Problem(line: index + 1, message: "is not valid UTF-8; the line is ignored"))
                lines.append("")
            }
        }
        self.init(lines: lines)
        self.problems = (problems + self.problems).sorted { $0.line < $1.line }
    }

    private init(lines: [String]) {
        var lines = lines
        for index in lines.indices where lines[index].unicodeScalars.contains("\0") {
            problems.append(Problem(line: index + 1, message: "contains a NUL character; the line is ignored"))
            lines[index] = ""
        }
        let table = Self.parseLeavingOutBadLines(&lines, problems: &problems)
        let lineOf = Self.startLines(of: lines)
        entries = Self.leaves(of: table, under: []).map { path, value in
            Entry(path: path, value: value, line: lineOf[path] ?? 1)
        }
        .sorted { ($0.line, $0.path.joined(separator: ".")) < ($1.line, $1.path.joined(separator: ".")) }
        problems.sort { $0.line < $1.line }
    }

    /// Parses the lines; where TOMLKit stops at an error, reports it, blanks that line (or,
    /// when it is blank already, the nearest written line above it) and tries again.
    private static func parseLeavingOutBadLines(_ lines: inout [String], problems: inout [Problem]) -> TOMLTable {
        while true {
            do {
                return try TOMLTable(string: lines.joined(separator: "\n"))
            } catch let error as TOMLParseError {
                let reported = min(max(error.source.begin.line, 1), max(lines.count, 1))
                problems.append(Problem(line: reported, message: error.description + "; the line is ignored"))
                guard let bad = (0..<reported).reversed().first(where: { lines.indices.contains($0) && !isBlank(lines[$0]) }) else {
                    return TOMLTable()
                }
                lines[bad] = ""
            } catch {
                problems.append(Problem(line: 1, message: "\(error)"))
                return TOMLTable()
            }
        }
    }

    private static func isBlank(_ line: String) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }

    /// TOMLKit gives no positions for values, so each value's line is found with TOMLKit
    /// itself: a value belongs to the first prefix of the file (whole lines) that parses and
    /// holds it, and starts on the line after the longest shorter prefix that parses
    /// (the lines of a multi-line value do not parse on their own).
    private static func startLines(of lines: [String]) -> [[String]: Int] {
        var found: [[String]: Int] = [:]
        var lastParsed = 0
        for count in lines.indices.map({ $0 + 1 }) where !isBlank(lines[count - 1]) {
            guard let table = try? TOMLTable(string: lines[0..<count].joined(separator: "\n")) else { continue }
            for (path, _) in leaves(of: table, under: []) where found[path] == nil {
                found[path] = firstWrittenLine(after: lastParsed, in: lines)
            }
            lastParsed = count
        }
        return found
    }

    private static func firstWrittenLine(after parsed: Int, in lines: [String]) -> Int {
        var line = parsed + 1
        while line < lines.count, isBlank(lines[line - 1]) {
            line += 1
        }
        return line
    }

    private static func leaves(of table: TOMLTable, under path: [String]) -> [([String], Value)] {
        zip(table.keys, table.values).flatMap { key, value -> [([String], Value)] in
            let here = path + [key]
            if let inner = value.table { return leaves(of: inner, under: here) }
            if let string = value.string { return [(here, .string(string))] }
            if let bool = value.bool { return [(here, .bool(bool))] }
            return [(here, .other(value.type.description))]
        }
    }
}
