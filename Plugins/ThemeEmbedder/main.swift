import Foundation

/// ThemeEmbedder OUTPUT THEME.toml...: writes a Swift source holding each theme file's text
/// under its name. Run by the EmbedThemes build-tool plugin.
let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: ThemeEmbedder OUTPUT THEME.toml...\n".utf8))
    exit(2)
}

/// A Swift string literal that reads back as exactly `text`.
func literal(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": result += "\\\\"
        case "\"": result += "\\\""
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        case "\r": result += "\\r"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "\""
}

var entries: [String] = []
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("\(path): error: not readable as UTF-8\n".utf8))
        exit(1)
    }
    entries.append("        \(literal(url.deletingPathExtension().lastPathComponent)): \(literal(text)),")
}

let source = """
    // Generated at build time from themes/*.toml by the EmbedThemes plugin; edit the themes there.

    /// The text of every theme shipped in themes/, by name.
    enum EmbeddedThemes {
        static let files: [String: String] = [
    \(entries.isEmpty ? "        :" : entries.joined(separator: "\n"))
        ]
    }

    """
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("\(output): error: \(error)\n".utf8))
    exit(1)
}
