import BoardCore
import BoardStore
import Foundation

enum ExitStatus {
    static let ruleSaidNo: Int32 = 1
    static let usage: Int32 = 2
    static let dataDirectory: Int32 = 3
}

/// Why a command stopped, with the exit status it maps to.
enum CLIFailure: Error {
    case rule(RuleViolation)
    case store(StoreError)
    case usage(String)

    var exitCode: Int32 {
        switch self {
        case .rule: ExitStatus.ruleSaidNo
        case .store: ExitStatus.dataDirectory
        case .usage: ExitStatus.usage
        }
    }

    var message: String {
        switch self {
        case .rule(let violation): "refused by rule \(violation.rule.rawValue): \(violation.message)"
        case .store(let error): error.description
        case .usage(let text): text
        }
    }

    func report() {
        Console.error("mlboard: \(message)")
    }
}

/// Everything the command line prints for people goes through here, sanitised: names and
/// vocabularies come from files others wrote, and arguments from anywhere.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.sanitizedLines(text) + "\n").utf8))
    }

    static func say(_ text: String) {
        print(TerminalText.sanitizedLines(text))
    }

    /// Text written whole to standard output (a report), with no newline added.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(TerminalText.sanitizedLines(text).utf8))
    }

    /// Prints a value as JSON with sorted keys: the stable shape scripts rely on.
    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
