import Foundation

/// $XDG_CONFIG_HOME/mlboard/config.toml:
///
///     theme = "light"
///     mouse = true
///     [keys]
///     quit = "q, Ctrl-q"
///     approvals.approve = "A"
struct UserSettings {
    var file = ""
    var theme: String?
    var mouse = false
    var keysText: String?
    var problems: [String] = []

    static func load(environment: [String: String]) -> UserSettings {
        let folder = environment["XDG_CONFIG_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".config")
        let url = folder.appendingPathComponent("mlboard/config.toml")
        var settings = UserSettings(file: url.path)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return settings }
        do {
            let toml = try SimpleToml.parse(text)
            for entry in toml.entries where entry.section.isEmpty {
                switch entry.key {
                case "theme": settings.theme = entry.value
                case "mouse":
                    guard let value = Bool(entry.value) else {
                        settings.problems.append("\(url.path): line \(entry.line) key 'mouse': write true or false")
                        continue
                    }
                    settings.mouse = value
                default: settings.problems.append("\(url.path): line \(entry.line) key '\(entry.key)': unknown setting (theme, mouse, [keys])")
                }
            }
            settings.keysText = text
        } catch {
            settings.problems.append("\(url.path): \(error)")
        }
        return settings
    }
}
