import Foundation
import TestSupport
import Glibc
import Testing

/// A folder of keys made by the real ssh-keygen for one test, removed by `cleanUp`.
struct SSHTestFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-ssh-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func cleanUp() { try? FileManager.default.removeItem(at: url) }

    /// Makes a key with ssh-keygen: `type` is ed25519, ecdsa or rsa; returns the private key's path.
    func makeKey(_ type: String, name: String? = nil, passphrase: String = "") throws -> String {
        let file = path(name ?? "id_\(type)")
        let size: [String] = switch type {
        case "rsa": ["-b", "2048"]
        case "ecdsa": ["-b", "256"]
        default: []
        }
        try SSHTool.expectSuccess("ssh-keygen", ["-q", "-t", type] + size + ["-N", passphrase, "-C", "test@\(type)", "-f", file])
        return file
    }

    func write(_ bytes: [UInt8], to name: String) throws -> String {
        let file = path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }
}

/// Runs the OpenSSH tools quietly.
enum SSHTool {
    struct Result {
        let status: Int32
        let output: String
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String], input: [UInt8] = [], environment: [String: String] = quietEnvironment) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        // Written before the start (inputs are small), so a tool that exits without reading cannot SIGPIPE the runner.
        try stdin.fileHandleForWriting.write(contentsOf: input)
        try stdin.fileHandleForWriting.close()
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }

    static func expectSuccess(_ tool: String, _ arguments: [String], environment: [String: String] = quietEnvironment) throws {
        let result = try run(tool, arguments, environment: environment)
        guard result.status == 0 else { throw ToolFailure(command: ([tool] + arguments).joined(separator: " "), status: result.status) }
    }

    /// The environment without an agent, so ssh-keygen uses only the files it is given.
    static var quietEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["SSH_AUTH_SOCK"] = nil
        return environment
    }

    struct ToolFailure: Error {
        let command: String
        let status: Int32
    }
}

/// `ssh-keygen -Y verify` and `-Y check-novalidate`, the yardstick native verification must agree with.
struct SSHKeygenVerifier {
    let folder: SSHTestFolder

    /// Whether ssh-keygen accepts `armored` as a signature over `message` by `publicKeyLine` in `namespace`.
    func verify(message: [UInt8], armored: String, publicKeyLine: String, namespace: String = "mlboard") throws -> Bool {
        let signers = try folder.write(Array("signer namespaces=\"\(namespace)\" \(publicKeyLine)\n".utf8), to: "allowed_signers")
        let signature = try folder.write(Array(armored.utf8), to: "check.sig")
        let result = try SSHTool.run("ssh-keygen", ["-Y", "verify", "-f", signers, "-I", "signer", "-n", namespace, "-s", signature], input: message)
        return result.status == 0
    }

    /// Whether ssh-keygen accepts the signature with the key it names.
    func checkNovalidate(message: [UInt8], armored: String, namespace: String = "mlboard") throws -> Bool {
        let signature = try folder.write(Array(armored.utf8), to: "check.sig")
        return try SSHTool.run("ssh-keygen", ["-Y", "check-novalidate", "-n", namespace, "-s", signature], input: message).status == 0
    }
}

/// A real ssh-agent on its own socket for one test. `timeout` ends it even if the test runner dies;
/// `stop` ends it on every ordinary path.
final class TestAgent {
    let socketPath: String
    private var processID: pid_t?

    init(folder: SSHTestFolder) throws {
        socketPath = folder.path("agent.sock")
        processID = try CleanSpawn.start(["timeout", "120", "ssh-agent", "-D", "-a", socketPath], environment: SSHTool.quietEnvironment)
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: socketPath) {
            usleep(10_000)
        }
        guard FileManager.default.fileExists(atPath: socketPath) else {
            stop()
            throw SSHTool.ToolFailure(command: "ssh-agent", status: -1)
        }
    }

    var environment: [String: String] {
        var environment = SSHTool.quietEnvironment
        environment["SSH_AUTH_SOCK"] = socketPath
        return environment
    }

    /// Adds a key; a passphrase is given through SSH_ASKPASS, as a desktop would.
    func add(_ keyFile: String, passphrase: String? = nil, folder: SSHTestFolder) throws {
        var environment = self.environment
        if let passphrase {
            let askpass = folder.path("askpass.sh")
            try "#!/bin/sh\nprintf '%s\\n' '\(passphrase)'\n".write(toFile: askpass, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: askpass)
            environment["SSH_ASKPASS"] = askpass
            environment["SSH_ASKPASS_REQUIRE"] = "force"
            environment["DISPLAY"] = environment["DISPLAY"] ?? ":0"
        }
        try SSHTool.expectSuccess("ssh-add", ["-q", keyFile], environment: environment)
    }

    func stop() {
        guard let processID else { return }
        self.processID = nil
        kill(processID, SIGTERM)
        var status: Int32 = 0
        waitpid(processID, &status, 0)
    }

    deinit { stop() }
}

/// A reproducible source of test messages (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Like a journal line's hash (64 lowercase hex digits) half of the time, else random bytes.
    mutating func message(_ index: Int) -> [UInt8] {
        if index.isMultiple(of: 2) {
            return Array((0..<64).map { _ in "0123456789abcdef".randomElement(using: &self)! }.map { String($0) }.joined().utf8)
        }
        return (0..<Int.random(in: 0...200, using: &self)).map { _ in UInt8.random(in: 0...255, using: &self) }
    }
}
