import Foundation

/// Runs the real mlboard binary in a private temporary folder, as a person would in a shell.
public struct CLIHarness {
    public let root: URL
    public var environment: [String: String]

    public init(name: String = #function) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("mlboard-cli-\(name.filter(\.isLetter))-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var environment = HermeticEnvironment.current()
        environment["XDG_STATE_HOME"] = root.appendingPathComponent("state").path
        environment["XDG_CONFIG_HOME"] = root.appendingPathComponent("config").path
        environment["XDG_DATA_HOME"] = root.appendingPathComponent("share").path
        self.environment = environment
    }

    public struct Outcome {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    @discardableResult
    public func run(_ arguments: String..., as handle: String? = nil) throws -> Outcome {
        try run(arguments, as: handle)
    }

    @discardableResult
    public func run(_ arguments: [String], as handle: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = CLIHarness.binary
        process.arguments = arguments + (handle.map { ["--as", $0] } ?? [])
        process.environment = environment
        process.currentDirectoryURL = root
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A workspace in ./.mlboard with lead "ada", approvers "bob" and "cy", and project "churn".
    public static func withTeam(name: String = #function) throws -> CLIHarness {
        let cli = try CLIHarness(name: name)
        try cli.expectSuccess("init", "--name", "Acme", as: "ada")
        try cli.expectSuccess("stakeholder", "add", "bob", "--name", "Bob", "--role", "ML engineer",
                              "--approves", "staging", "--approves", "production", as: "ada")
        try cli.expectSuccess("stakeholder", "add", "cy", "--name", "Cy", "--role", "domain expert",
                              "--approves", "production", as: "ada")
        try cli.expectSuccess("project", "create", "churn", "--name", "Churn", "--goal", "customer experience",
                              "--cadence", "weekly", as: "ada")
        return cli
    }

    public func expectSuccess(_ arguments: String..., as handle: String? = nil) throws {
        try expectSuccess(arguments, as: handle)
    }

    public func expectSuccess(_ arguments: [String], as handle: String? = nil) throws {
        let outcome = try run(arguments, as: handle)
        guard outcome.status == 0 else {
            throw HarnessFailure("mlboard \(arguments.joined(separator: " ")) exited \(outcome.status): \(outcome.stderr)")
        }
    }

    public func json(_ arguments: String..., as handle: String? = nil) throws -> Any {
        let outcome = try run(arguments, as: handle)
        return try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
    }

    public var dataDirectory: URL { root.appendingPathComponent(".mlboard") }

    public func cleanUp() { try? FileManager.default.removeItem(at: root) }

    public static var binary: URL { BuiltBinary.mlboard }
}

public struct HarnessFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
