import TestSupport
import Foundation
import Testing

@Suite("The signed demo in the real dashboard under tmux", .enabled(if: TmuxServer.available, "tmux is needed"), .serialized)
struct SignedDemoEndToEndTests {
    @Test("demo --as jonas-weber signs what Jonas writes in the dashboard with Jonas's demo key")
    func demoSignsAsThePersonOpened() throws {
        let (directory, environment) = try EndToEnd.demoWorkspace()
        defer { EndToEnd.removeDemoWorkspace(at: directory) }
        let jonasKey = directory + "-keys/jonas-weber"
        try TmuxServer.with(environment: environment) { tmux in
            try tmux.start("jonas", ["demo", "--dir", directory, "--as", "jonas-weber"])
            try tmux.waitFor("jonas") { $0.contains("Projects by lifecycle step") }
            try tmux.keys("jonas", "2", "c")
            try tmux.waitFor("jonas") { $0.contains("Comment on") }
            try tmux.type("jonas", "signed in the dashboard")
            try tmux.waitFor("jonas") { $0.contains("signed in the dashboard") }
            try tmux.keys("jonas", "Enter")
            let saved = try tmux.waitFor("jonas") { $0.contains(": saved") || $0.contains("cannot act") }
            #expect(saved.contains(": saved"), "\(saved)")
            try tmux.keys("jonas", "q")
            #expect(try tmux.waitForExit("jonas") == 0)
        }
        let log = try output(["log", "--json", "--limit", "1", "--dir", directory], environment: environment)
        let fingerprint = try output(["ssh-keygen", "-l", "-f", jonasKey + ".pub"], environment: environment, tool: true)
            .split(separator: " ").first { $0.hasPrefix("SHA256:") }.map(String.init)
        #expect(fingerprint != nil)
        #expect(log.contains("signed in the dashboard") && log.contains("\"jonas-weber\""), "\(log)")
        #expect(log.contains("\"verified\"") && log.contains(fingerprint ?? "none"), "\(log)")
    }

    private func output(_ arguments: [String], environment: [String: String], tool: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = tool ? URL(fileURLWithPath: "/usr/bin/env") : EndToEnd.binary
        process.arguments = arguments
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
