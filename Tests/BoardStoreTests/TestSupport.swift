import TestSupport
import BoardCore
import BoardStore
import Foundation

/// A fresh workspace in a temporary folder, with a lead and one project, and a private
/// XDG_STATE_HOME so seen-markers of tests never mix.
struct TestWorkspace {
    let root: URL
    let directory: DataDirectory
    let environment: [String: String]
    static let lead = Actor(handle: "lea", osUser: "tester")
    static let project = "churn"

    init(name: String = #function) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("mlboard-store-\(name.filter(\.isLetter))-\(UUID().uuidString.prefix(8))")
        directory = DataDirectory(root.appendingPathComponent("data"))
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_STATE_HOME"] = root.appendingPathComponent("state").path
        environment["MLBOARD_DIR"] = directory.path
        environment["MLBOARD_USER"] = TestWorkspace.lead.handle
        environment.removeValue(forKey: "MLBOARD_FAILPOINT")
        self.environment = environment
        let store = try WorkspaceStore.create(at: directory, config: .defaults(name: "Test"), environment: environment)
        try store.execute([
            .addStakeholder(Stakeholder(handle: "lea", name: "Lea Lead", role: "data-science lead", approvalStages: ["staging", "production"])),
            .createProject(NewProject(slug: TestWorkspace.project, name: "Churn", goal: "customer experience")),
        ], as: TestWorkspace.lead, now: Instant(millis: 1_000))
    }

    func open() throws -> WorkspaceStore { try WorkspaceStore.open(directory, environment: environment) }

    /// Appends `count` comments from this process, one commit each.
    func comment(_ count: Int, tag: String = "local") throws {
        let store = try open()
        for index in 0..<count {
            try store.execute(.comment(on: .project(TestWorkspace.project), body: "\(tag) \(index)"), as: TestWorkspace.lead,
                              now: Instant(millis: 2_000 + Int64(index)))
        }
    }

    var journalBytes: [UInt8] { [UInt8](FileManager.default.contents(atPath: directory.journalURL.path) ?? Data()) }

    func writeJournal(_ bytes: [UInt8]) throws {
        try Data(bytes).write(to: directory.journalURL)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: root) }
}

/// The mlboard binary built beside the test runner.
enum Binary {
    static var mlboard: URL { BuiltBinary.mlboard }

    /// Starts `mlboard arguments` with `environment`; stdout is captured.
    static func start(_ arguments: [String], environment: [String: String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = mlboard
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, output)
    }

    /// Runs to the end and returns exit status and stdout.
    static func run(_ arguments: [String], environment: [String: String]) throws -> (status: Int32, output: String) {
        let (process, pipe) = try start(arguments, environment: environment)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
