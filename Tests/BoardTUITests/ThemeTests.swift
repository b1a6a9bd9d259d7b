import Foundation
import Testing
@testable import BoardTUI

@Suite("Themes")
struct ThemeTests {
    func folder(with files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-themes-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test("a theme file maps roles to colours and attributes; unnamed roles keep the default")
    func parsesTheme() throws {
        let folder = try folder(with: ["mine.toml": "# mine\n[styles]\nselection = \"bold black on #ffaf00\"\ntitle = \"underline bright-blue\"\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = ThemeLibrary(folders: [folder]).load("mine")
        #expect(loaded.problems.isEmpty)
        #expect(loaded.theme.style(for: .selection) == Style(.ansi(0), on: .rgb(0xff, 0xaf, 0), [.bold]))
        #expect(loaded.theme.style(for: .title) == Style(.ansi(12), on: .terminalDefault, [.underline]))
        #expect(loaded.theme.style(for: .error) == BuiltInTheme.dark.style(for: .error))
    }

    @Test("a bad entry names the file, line and key; its role keeps the default, the good ones are kept", arguments: [
        ("[styles]\nselection = \"bold purple\"\ntitle = \"red\"\n", "line 2 key 'selection'"),
        ("[styles]\nfrobnicate = \"red\"\ntitle = \"red\"\n", "line 2 key 'frobnicate'"),
        ("[styles]\ntitle = \"red\"\nbar = \"red\n", "line 3"),
    ])
    func badTheme(text: String, expected: String) throws {
        let folder = try folder(with: ["broken.toml": text])
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = ThemeLibrary(folders: [folder]).load("broken")
        #expect(loaded.theme.style(for: .selection) == BuiltInTheme.dark.style(for: .selection))
        #expect(loaded.theme.style(for: .title) == Style(.ansi(1)))
        #expect(loaded.problems.count == 1)
        #expect(loaded.problems.first?.contains("broken.toml: \(expected)") == true, "\(loaded.problems)")
    }

    @Test("every theme of themes/ is built into the binary: found with no folder at all")
    func embeddedThemes() {
        let library = ThemeLibrary(folders: [])
        #expect(library.names == ["default", "high-contrast", "light", "monochrome", "solarized-dark"])
        let light = library.load("light")
        #expect(light.problems.isEmpty, "\(light.problems)")
        #expect(light.theme.name == "light")
        #expect(light.theme.style(for: .footer) == Style(.ansi(0), on: .indexed(253)))
    }

    @Test("a theme in $XDG_CONFIG_HOME/mlboard/themes overrides the built-in one of the same name")
    func userThemeOverridesBuiltIn() throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-xdg-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: config) }
        let themes = config.appendingPathComponent("mlboard/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try Data("[styles]\nfooter = \"red on green\"\n".utf8).write(to: themes.appendingPathComponent("light.toml"))
        let library = ThemeLibrary.standard(
            environment: ["XDG_CONFIG_HOME": config.path], executable: URL(fileURLWithPath: "/nonexistent/bin/mlboard"))
        let light = library.load("light")
        #expect(light.problems.isEmpty, "\(light.problems)")
        #expect(light.theme.style(for: .footer) == Style(.ansi(1), on: .ansi(2)))
        #expect(light.theme.style(for: .title) == BuiltInTheme.dark.style(for: .title), "the file replaces the built-in light")
    }

    @Test("the shipped themes all load without errors")
    func shippedThemes() throws {
        let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../themes").standardizedFileURL
        let library = ThemeLibrary(folders: [themes])
        for name in ["default", "light", "high-contrast", "monochrome", "solarized-dark"] {
            let loaded = library.load(name)
            #expect(loaded.problems.isEmpty, "\(name): \(loaded.problems)")
            #expect(loaded.theme.name == name)
        }
    }

    @Test("truecolour maps to the nearest of 256 or 8 colours")
    func colourMapping() {
        #expect(ColorMapping(colors: 256).number(for: .rgb(255, 0, 0)) == 196)
        #expect(ColorMapping(colors: 8).number(for: .rgb(250, 10, 10)) == 1)
        #expect(ColorMapping(colors: 8).number(for: .ansi(12)) == 4)
        #expect(ColorMapping(colors: 256).number(for: .terminalDefault) == -1)
        #expect(ColorMapping(colors: 256).number(for: .rgb(128, 128, 128)) == 244)
    }
}
