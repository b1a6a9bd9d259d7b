import Foundation

/// $XDG_CONFIG_HOME/mlboard/config.toml:
///
///     theme = "light"
///     mouse = true
///     [keys]
///     quit = "q, Ctrl-q"
///     approvals.approve = "A"
///
/// Each bad entry is reported with its line; the good ones are kept.
struct UserSettings {
    var file = ""
    var theme: String?
    var mouse = false
    /// The `[keys]` entries, for `KeyMap.remap`.
    var keyEntries: [TomlFile.Entry] = []
    var problems: [String] = []

    static func load(environment: [String: String]) -> UserSettings {
        let folder = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".config")
        let url = folder.appendingPathComponent("mlboard/config.toml")
        guard let data = FileManager.default.contents(atPath: url.path) else { return UserSettings(file: url.path) }
        return UserSettings(file: url.path, toml: TomlFile(data: data))
    }

    init(file: String, toml: TomlFile? = nil) {
        self.file = file
        guard let toml else { return }
        var problems = toml.problems
        for entry in toml.entries {
            if entry.key(below: "keys") != nil {
                keyEntries.append(entry)
                continue
            }
            let key = entry.path.joined(separator: ".")
            switch (key, entry.value) {
            case ("theme", .string(let name)): theme = name
            case ("theme", _): problems.append(.init(line: entry.line, key: key, message: "write the theme's name in quotes"))
            case ("mouse", .bool(let on)): mouse = on
            case ("mouse", _): problems.append(.init(line: entry.line, key: key, message: "write true or false"))
            default: problems.append(.init(line: entry.line, key: key, message: "unknown setting (theme, mouse, [keys])"))
            }
        }
        self.problems = problems.sorted { $0.line < $1.line }.map { "\(file): \($0)" }
    }
}
