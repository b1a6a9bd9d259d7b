import TestSupport
import Foundation
import Testing

@Suite("The binary installed away from the clone", .enabled(if: TmuxServer.available, "tmux is needed"), .serialized)
struct InstalledBinaryTests {
    @Test("a copy of the binary in a folder outside the clone opens with --theme light")
    func namedThemeWithoutTheClone() throws {
        let (directory, environment) = try EndToEnd.demoWorkspace()
        defer { EndToEnd.removeDemoWorkspace(at: directory) }
        let bin = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-install-\(UUID().uuidString.prefix(8))/bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: bin.deletingLastPathComponent()) }
        let installed = bin.appendingPathComponent("mlboard")
        // Copied by cp, so no file of the test runner is open for writing when another test
        // starts a process, which would inherit it and make the exec fail with "Text file busy".
        let copy = Process()
        copy.executableURL = URL(fileURLWithPath: "/bin/cp")
        copy.arguments = [EndToEnd.binary.path, installed.path]
        try copy.run()
        copy.waitUntilExit()
        #expect(copy.terminationStatus == 0)

        try TmuxServer.with(environment: environment) { tmux in
            // Started in the install folder, so no themes/ folder of the clone is anywhere near;
            // the pane stays if mlboard exits, so a failure shows why.
            try tmux.start("light", commandLine: [installed.path, "--dir", directory, "--as", "amara-okafor", "--theme", "light"],
                           directory: bin.path)
            let screen = try tmux.waitFor("light", seconds: 30) { $0.contains("Projects by lifecycle step") }
            #expect(screen.contains("Projects by lifecycle step"), "\(screen)")
            #expect(!screen.contains("no theme"), "\(screen)")
            let styled = try tmux.styledScreen("light")
            #expect(styled.contains("48;5;253"), "the light theme's footer background, colour 253, is on the screen")
            try tmux.keys("light", "q")
        }
    }
}
