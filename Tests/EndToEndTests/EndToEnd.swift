import TestSupport
import Foundation
import Testing

extension TmuxServer {
    /// Starts the built mlboard with `arguments` in a new 120x40 session called `name`.
    func start(_ name: String, _ arguments: [String]) throws {
        try start(name, commandLine: [EndToEnd.binary.path] + arguments)
    }
}

enum EndToEnd {
    static var binary: URL { BuiltBinary.mlboard }

    /// A fresh demo workspace in a temporary folder; returns its path and an environment for it.
    static func demoWorkspace() throws -> (directory: String, environment: [String: String]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-e2e-\(UUID().uuidString.prefix(8))")
        var environment = HermeticEnvironment.current()
        for key in ["NO_COLOR", "TMUX"] { environment.removeValue(forKey: key) }
        environment["XDG_STATE_HOME"] = root.appendingPathComponent("state").path
        environment["XDG_CONFIG_HOME"] = root.appendingPathComponent("config").path
        let directory = root.appendingPathComponent("demo").path
        let process = Process()
        process.executableURL = binary
        process.arguments = ["demo", "--no-tui", "--dir", directory]
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (directory, environment)
    }

    /// Deletes the folder `demoWorkspace()` made around `directory` (its keys among it).
    static func removeDemoWorkspace(at directory: String) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: directory).deletingLastPathComponent())
    }

    /// The column (in display cells, ASCII lines) where `text` starts on the first line holding it.
    static func column(of text: String, in screen: String) -> Int? {
        for line in screen.split(separator: "\n") {
            if let range = line.range(of: text) { return line.distance(from: line.startIndex, to: range.lowerBound) }
        }
        return nil
    }
}
