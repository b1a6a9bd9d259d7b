import Foundation

/// The small part of TOML that theme and key files use: `[section]` headers, `key = "string"`
/// (or a bare word, number or boolean), and `#` comments. Errors name the line and the key.
struct SimpleToml {
    struct Entry: Equatable {
        var section: String
        var key: String
        var value: String
        var line: Int
    }

    struct ParseError: Error, Equatable, CustomStringConvertible {
        var line: Int
        var key: String?
        var message: String

        var description: String {
            let keyPart = key.map { " key '\($0)'" } ?? ""
            return "line \(line)\(keyPart): \(message)"
        }
    }

    var entries: [Entry] = []

    static func parse(_ text: String) throws -> SimpleToml {
        var result = SimpleToml()
        var section = ""
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = stripComment(String(rawLine)).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else {
                    throw ParseError(line: number, key: nil, message: "a section header looks like [name]")
                }
                section = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw ParseError(line: number, key: nil, message: "expected key = \"value\"")
            }
            var key = line[..<equals].trimmingCharacters(in: .whitespaces)
            if key.hasPrefix("\"") && key.hasSuffix("\"") && key.count >= 2 { key = String(key.dropFirst().dropLast()) }
            guard !key.isEmpty else { throw ParseError(line: number, key: nil, message: "the key is missing before '='") }
            let rawValue = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            result.entries.append(Entry(section: section, key: key, value: try value(rawValue, line: number, key: key), line: number))
        }
        return result
    }

    private static func value(_ raw: String, line: Int, key: String) throws -> String {
        if raw.hasPrefix("\"") {
            guard raw.count >= 2, raw.hasSuffix("\"") else {
                throw ParseError(line: line, key: key, message: "the string is not closed with \"")
            }
            return String(raw.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
        }
        guard !raw.isEmpty, !raw.contains(" ") else {
            throw ParseError(line: line, key: key, message: "put the value in double quotes")
        }
        return raw
    }

    private static func stripComment(_ line: String) -> String {
        var inString = false
        var result = ""
        for character in line {
            if character == "\"" { inString.toggle() }
            if character == "#" && !inString { break }
            result.append(character)
        }
        return result
    }
}
