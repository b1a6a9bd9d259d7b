import Foundation
import PackagePlugin

/// Turns every themes/*.toml of the package into one Swift source, so the binary carries its
/// themes wherever it is installed; the themes/ folder stays the only place they are written.
@main
struct EmbedThemes: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "themes")
        let themes = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "toml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedThemes.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(themes.count) themes from themes/",
                executable: try context.tool(named: "ThemeEmbedder").url,
                arguments: [output.path] + themes.map(\.path),
                inputFiles: themes,
                outputFiles: [output]
            ),
        ]
    }
}
