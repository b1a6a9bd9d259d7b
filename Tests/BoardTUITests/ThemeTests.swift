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
        let loaded = ThemeLibrary(folders: [folder]).load("mine")
        #expect(loaded.error == nil)
        #expect(loaded.theme.style(for: .selection) == Style(.ansi(0), on: .rgb(0xff, 0xaf, 0), [.bold]))
        #expect(loaded.theme.style(for: .title) == Style(.ansi(12), on: .terminalDefault, [.underline]))
        #expect(loaded.theme.style(for: .error) == BuiltInTheme.dark.style(for: .error))
    }

    @Test("a bad theme names the file, line and key, and the default is used", arguments: [
        ("[styles]\nselection = \"bold purple\"\n", "line 2 key 'selection'"),
        ("[styles]\nfrobnicate = \"red\"\n", "line 2 key 'frobnicate'"),
        ("[styles]\n\ntitle = \"red\n", "line 3 key 'title'"),
    ])
    func badTheme(text: String, expected: String) throws {
        let folder = try folder(with: ["broken.toml": text])
        let loaded = ThemeLibrary(folders: [folder]).load("broken")
        #expect(loaded.theme == BuiltInTheme.dark)
        #expect(loaded.error?.contains("broken.toml") == true)
        #expect(loaded.error?.contains(expected) == true, "\(loaded.error ?? "")")
    }

    @Test("the shipped themes all load without errors")
    func shippedThemes() throws {
        let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../themes").standardizedFileURL
        let library = ThemeLibrary(folders: [themes])
        for name in ["default", "light", "high-contrast", "monochrome", "solarized-dark"] {
            let loaded = library.load(name)
            #expect(loaded.error == nil, "\(name): \(loaded.error ?? "")")
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
