import Foundation

/// Finds and loads themes: those built into the binary (every themes/*.toml of the package,
/// embedded at build time, and the compiled-in default), overridden by files of the same
/// name in PREFIX/share/mlboard/themes beside an installed binary, then in the user's
/// $XDG_CONFIG_HOME/mlboard/themes. Each bad entry of a file is reported with its file,
/// line and key, and that role keeps the default's style.
public struct ThemeLibrary: Sendable {
    public var folders: [URL]
    /// The text of every theme of themes/, generated at build time.
    let builtIn = EmbeddedThemes.files

    public init(folders: [URL]) { self.folders = folders }

    /// PREFIX/share/mlboard/themes for a binary in PREFIX/bin, then the user's folder.
    public static func standard(environment: [String: String], executable: URL) -> ThemeLibrary {
        let prefix = executable.deletingLastPathComponent().deletingLastPathComponent()
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".config")
        let folders = [prefix.appendingPathComponent("share/mlboard/themes"), config.appendingPathComponent("mlboard/themes")]
        return ThemeLibrary(folders: folders.filter { FileManager.default.fileExists(atPath: $0.path) })
    }

    /// Theme names found, the built-in ones included.
    public var names: [String] {
        var found = Set(builtIn.keys).union([BuiltInTheme.dark.name])
        for folder in folders {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in files where file.hasSuffix(".toml") { found.insert(String(file.dropLast(5))) }
        }
        return found.sorted()
    }

    /// The named theme and its problems, each naming file, line and key. A theme that cannot
    /// be found or read is the default.
    public func load(_ name: String) -> (theme: Theme, problems: [String]) {
        if let file = folders.reversed().map({ $0.appendingPathComponent("\(name).toml") })
            .first(where: { FileManager.default.fileExists(atPath: $0.path) }) {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                return (BuiltInTheme.dark, ["\(file.path): cannot be read"])
            }
            let (theme, problems) = ThemeLibrary.parse(TomlFile(data: data), name: name)
            return (theme, problems.map { "\(file.path): \($0)" })
        }
        if let text = builtIn[name] {
            let (theme, problems) = ThemeLibrary.parse(TomlFile(text: text), name: name)
            return (theme, problems.map { "built-in theme \(name): \($0)" })
        }
        if name == BuiltInTheme.dark.name { return (BuiltInTheme.dark, []) }
        return (BuiltInTheme.dark, ["no theme '\(name)'; known: \(names.joined(separator: ", "))"])
    }

    /// Roles not named in the file, or named with a bad style, keep the built-in default's style.
    static func parse(_ toml: TomlFile, name: String) -> (theme: Theme, problems: [TomlFile.Problem]) {
        var theme = BuiltInTheme.dark
        theme.name = name
        var problems = toml.problems
        for entry in toml.entries {
            guard let key = entry.key(below: "styles") else {
                let key = entry.path.joined(separator: ".")
                problems.append(.init(line: entry.line, key: key, message: "a theme holds only [styles] ROLE = \"STYLE\""))
                continue
            }
            guard let role = StyleRole(rawValue: key) else {
                let roles = StyleRole.allCases.map(\.rawValue).joined(separator: ", ")
                problems.append(.init(line: entry.line, key: key, message: "not a style role; roles are \(roles)"))
                continue
            }
            guard case .string(let text) = entry.value else {
                problems.append(.init(line: entry.line, key: key, message: "write the style in quotes, e.g. \"bold cyan on default\""))
                continue
            }
            switch Style.parse(text) {
            case .success(let style): theme.styles[role] = style
            case .failure(let error): problems.append(.init(line: entry.line, key: key, message: error.message))
            }
        }
        return (theme, problems.sorted { $0.line < $1.line })
    }
}
