import Foundation

/// Finds and loads themes: the default built into the binary, then the project's themes/
/// folder, then the user's $XDG_CONFIG_HOME/mlboard/themes. A bad file is reported with its
/// file, line and key, and the default is used instead.
public struct ThemeLibrary: Sendable {
    public var folders: [URL]

    public init(folders: [URL]) { self.folders = folders }

    /// The usual folders: beside the sources (a fresh clone run with `swift run`), beside or
    /// above the binary (share/mlboard/themes for an installed one), then the user's.
    public static func standard(environment: [String: String], executable: URL) -> ThemeLibrary {
        var folders: [URL] = []
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<6 {
            folders.append(folder.appendingPathComponent("themes"))
            folders.append(folder.appendingPathComponent("share/mlboard/themes"))
            folder = folder.deletingLastPathComponent()
        }
        folders.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("themes"))
        let config = environment["XDG_CONFIG_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".config")
        folders.append(config.appendingPathComponent("mlboard/themes"))
        return ThemeLibrary(folders: folders.filter { FileManager.default.fileExists(atPath: $0.path) })
    }

    /// Theme names found, the built-in default included.
    public var names: [String] {
        var found: Set<String> = [BuiltInTheme.dark.name]
        for folder in folders {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in files where file.hasSuffix(".toml") { found.insert(String(file.dropLast(5))) }
        }
        return found.sorted()
    }

    /// The named theme, or the default and an error naming file, line and key.
    public func load(_ name: String) -> (theme: Theme, error: String?) {
        var chosen: URL?
        for folder in folders {
            let candidate = folder.appendingPathComponent("\(name).toml")
            if FileManager.default.fileExists(atPath: candidate.path) { chosen = candidate }
        }
        guard let file = chosen else {
            if name == BuiltInTheme.dark.name { return (BuiltInTheme.dark, nil) }
            return (BuiltInTheme.dark, "no theme '\(name)'; known: \(names.joined(separator: ", "))")
        }
        do {
            return (try ThemeLibrary.parse(try String(contentsOf: file, encoding: .utf8), name: name), nil)
        } catch let error as SimpleToml.ParseError {
            return (BuiltInTheme.dark, "\(file.path): \(error)")
        } catch {
            return (BuiltInTheme.dark, "\(file.path): \(error.localizedDescription)")
        }
    }

    /// Roles not named in the file keep the built-in default's style.
    static func parse(_ text: String, name: String) throws -> Theme {
        let toml = try SimpleToml.parse(text)
        var theme = BuiltInTheme.dark
        theme.name = name
        for entry in toml.entries where entry.section == "styles" {
            guard let role = StyleRole(rawValue: entry.key) else {
                throw SimpleToml.ParseError(line: entry.line, key: entry.key, message: "not a style role; roles are \(StyleRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            switch Style.parse(entry.value) {
            case .success(let style): theme.styles[role] = style
            case .failure(let error): throw SimpleToml.ParseError(line: entry.line, key: entry.key, message: error.message)
            }
        }
        return theme
    }
}
