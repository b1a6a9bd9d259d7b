import Foundation

/// $XDG_CONFIG_HOME/mlboard/config.toml:
///
///     theme = "light"
///     mouse = true
///     signing_key = "~/.ssh/id_ed25519"
///     [keys]
///     quit = "q, Ctrl-q"
///     approvals.approve = "A"
///
/// Each bad entry is reported with its line; the good ones are kept.
struct UserSettings {
    var file = ""
    var theme: String?
    var mouse = false
    /// The SSH key to sign with when neither --key nor MLBOARD_SIGNING_KEY names one.
    var signingKey: String?
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
            // [[hooks]] are read by BoardHooks (HookConfig), which reports their problems itself.
            if entry.path.first == "hooks" { continue }
            let key = entry.path.joined(separator: ".")
            switch (key, entry.value) {
            case ("theme", .string(let name)): theme = name
            case ("theme", _): problems.append(.init(line: entry.line, key: key, message: "write the theme's name in quotes"))
            case ("mouse", .bool(let on)): mouse = on
            case ("mouse", _): problems.append(.init(line: entry.line, key: key, message: "write true or false"))
            case ("signing_key", .string(let path)): signingKey = path
            case ("signing_key", _): problems.append(.init(line: entry.line, key: key, message: "write the key file's path in quotes"))
            default: problems.append(.init(line: entry.line, key: key, message: "unknown setting (theme, mouse, signing_key, [keys], [[hooks]])"))
            }
        }
        self.problems = problems.sorted { $0.line < $1.line }.map { "\(file): \($0)" }
    }
}

/// What the command line needs of config.toml.
public enum SigningSettings {
    /// `signing_key` from config.toml, if set.
    public static func configuredKey(environment: [String: String]) -> String? {
        UserSettings.load(environment: environment).signingKey
    }
}
