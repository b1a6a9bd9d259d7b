import BoardCore
import Foundation
import TOMLKit

/// One `[[hooks]]` entry of the user's own config.toml: a shell command run for each journal
/// event of the listed types.
public struct Hook: Equatable, Sendable {
    /// Unique among the hooks; names the file that keeps the hook's position.
    public var name: String
    /// Event type names (`Event.knownTypeNames`); empty means every event.
    public var events: Set<String>
    /// Run with `/bin/sh -c`.
    public var command: String

    public init(name: String, events: Set<String>, command: String) {
        self.name = name
        self.events = events
        self.command = command
    }

    public func matches(_ record: EventRecord) -> Bool {
        events.isEmpty || events.contains(record.event.typeName)
    }
}

/// What is wrong with the hooks in config.toml, every problem at once.
public struct HookConfigError: Error, CustomStringConvertible {
    public var file: String
    public var problems: [String]

    public var description: String {
        "\(file): " + problems.joined(separator: "\n\(file): ")
    }
}

/// Reads the hooks from the user's own config.toml, never from the shared data directory:
/// a command found in a folder others can write must not run.
public enum HookConfig {
    public static func file(environment: [String: String]) -> URL {
        let folder = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".config")
        return folder.appendingPathComponent("mlboard/config.toml")
    }

    /// The configured hooks; none when the file does not exist.
    public static func load(environment: [String: String]) throws -> [Hook] {
        let url = file(environment: environment)
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return try parse(String(decoding: data, as: UTF8.self), file: url.path)
    }

    public static func parse(_ text: String, file: String) throws -> [Hook] {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch {
            throw HookConfigError(file: file, problems: ["is not valid TOML: \(error)"])
        }
        guard let entry = table["hooks"] else { return [] }
        guard let list = entry.array else {
            throw HookConfigError(file: file, problems: ["'hooks' must be written as [[hooks]] tables, one per hook"])
        }
        var hooks: [Hook] = []
        var problems: [String] = []
        for (index, element) in list.enumerated() {
            let place = "hook #\(index + 1)"
            guard let fields = element.table else {
                problems.append("\(place): write each hook as a [[hooks]] table")
                continue
            }
            var entryProblems: [String] = []
            let unknown = fields.keys.filter { !["name", "events", "command"].contains($0) }
            for key in unknown.sorted() {
                entryProblems.append("\(place): unknown field '\(key)' (a hook has name, events and command)")
            }
            let name = fields["name"]?.string?.trimmingCharacters(in: .whitespaces) ?? ""
            if !HookName.isValid(name) {
                entryProblems.append("\(place): field 'name' must be a non-empty name of letters, digits, '-' or '_'")
            } else if hooks.contains(where: { $0.name == name }) {
                entryProblems.append("\(place): field 'name' repeats '\(name)'; give each hook its own name")
            }
            let command = fields["command"]?.string ?? ""
            if command.trimmingCharacters(in: .whitespaces).isEmpty {
                entryProblems.append("\(place): field 'command' is missing; write the command to run in quotes")
            }
            var events: Set<String> = []
            if let written = fields["events"] {
                if let array = written.array, array.allSatisfy({ $0.string != nil }) {
                    for type in array.compactMap(\.string) {
                        if Event.knownTypeNames.contains(type) {
                            events.insert(type)
                        } else {
                            entryProblems.append("\(place): field 'events' names unknown event type '\(type)'; "
                                + "known types: \(Event.knownTypeNames.sorted().joined(separator: ", "))")
                        }
                    }
                } else {
                    entryProblems.append("\(place): field 'events' must be a list of event type names in quotes")
                }
            }
            if entryProblems.isEmpty {
                hooks.append(Hook(name: name, events: events, command: command))
            }
            problems += entryProblems
        }
        if !problems.isEmpty { throw HookConfigError(file: file, problems: problems) }
        return hooks
    }
}

enum HookName {
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 100
            && name.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_" }
    }
}
