import CNCurses
import Foundation
import Glibc
import TestSupport

/// A fresh demo workspace in a temporary folder, and an environment that points the binary at
/// it and keeps the tester's own settings out.
struct DemoDirectory {
    let binary: URL
    let root: URL
    let directory: String
    let environment: [String: String]

    init() throws {
        guard DemoDirectory.binaryBuilt else { throw CocoaError(.fileNoSuchFile) }
        binary = BuiltBinary.mlboard
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-render-\(UUID().uuidString.prefix(8))")
        var environment = HermeticEnvironment.current()
        for key in ["NO_COLOR", "TMUX", "LC_ALL", "LC_CTYPE"] { environment.removeValue(forKey: key) }
        environment["LANG"] = "C.UTF-8"  // tmux itself reads UTF-8, whatever the dashboard runs under
        environment["XDG_STATE_HOME"] = root.appendingPathComponent("state").path
        environment["XDG_CONFIG_HOME"] = root.appendingPathComponent("config").path
        self.environment = environment
        directory = root.appendingPathComponent("demo").path
        try run(["demo", "--no-tui", "--dir", directory])
    }

    /// Runs the command line with `arguments` on this workspace.
    func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments + (arguments.first == "demo" ? [] : ["--dir", directory])
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 { throw CLIFailure(arguments: arguments, status: process.terminationStatus) }
    }

    static var binaryBuilt: Bool { FileManager.default.isExecutableFile(atPath: BuiltBinary.mlboard.path) }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Columns a captured line takes, by the C library's count (what tmux uses too).
    static func columns(_ line: String) -> Int {
        _ = UTF8Locale.ready
        return line.unicodeScalars.reduce(0) { $0 + max(0, Int(mlb_wcwidth($1.value))) }
    }
}

struct CLIFailure: Error {
    var arguments: [String]
    var status: Int32
}
