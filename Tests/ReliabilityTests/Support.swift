import TestSupport
import BoardCore
import BoardStore
import Foundation

/// A workspace in a temporary folder (or under `parent`), with a lead and one project, and a
/// private XDG_STATE_HOME.
struct Workspace {
    let root: URL
    let directory: DataDirectory
    let environment: [String: String]
    static let lead = Actor(handle: "lea", osUser: "tester")
    static let project = "churn"

    init(name: String = #function, dataParent: URL? = nil) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("mlboard-rel-\(name.filter(\.isLetter))-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        directory = DataDirectory((dataParent ?? root).appendingPathComponent("data"))
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_STATE_HOME"] = root.appendingPathComponent("state").path
        environment["MLBOARD_DIR"] = directory.path
        environment["MLBOARD_USER"] = Workspace.lead.handle
        environment.removeValue(forKey: "MLBOARD_FAILPOINT")
        self.environment = environment
        let store = try WorkspaceStore.create(at: directory, config: .defaults(name: "Test"), environment: environment)
        try store.execute([
            .addStakeholder(Stakeholder(handle: "lea", name: "Lea Lead", role: "data-science lead", approvalStages: ["staging", "production"])),
            .createProject(NewProject(slug: Workspace.project, name: "Churn", goal: "customer experience")),
        ], as: Workspace.lead, now: Instant(millis: 1_000))
    }

    func open() throws -> WorkspaceStore { try WorkspaceStore.open(directory, environment: environment) }

    func comment(_ count: Int, tag: String = "local") throws {
        let store = try open()
        for index in 0..<count {
            try store.execute(.comment(on: .project(Workspace.project), body: "\(tag) \(index)"), as: Workspace.lead,
                              now: Instant(millis: 2_000 + Int64(index)))
        }
    }

    func bytes(_ url: URL) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: url.path) ?? Data()) }

    func cleanUp() { try? FileManager.default.removeItem(at: root) }
}

struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The mlboard binary built beside the test runner.
enum Binary {
    static var mlboard: URL { BuiltBinary.mlboard }

    static func start(_ executable: URL, _ arguments: [String], environment: [String: String],
                      currentDirectory: URL? = nil) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, out, err)
    }

    static func finish(_ started: (Process, Pipe, Pipe)) -> Outcome {
        let (process, out, err) = started
        // Read both pipes at once so a chatty child never blocks on a full pipe.
        nonisolated(unsafe) var stderr = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { stderr = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    @discardableResult
    static func run(_ arguments: [String], environment: [String: String], currentDirectory: URL? = nil) throws -> Outcome {
        finish(try start(mlboard, arguments, environment: environment, currentDirectory: currentDirectory))
    }

    /// Runs a shell command line (for chattr, mount, prlimit).
    @discardableResult
    static func shell(_ line: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Outcome {
        finish(try start(URL(fileURLWithPath: "/bin/sh"), ["-c", line], environment: environment))
    }
}

/// A small deterministic generator (SplitMix64), so fuzz cases repeat exactly.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Mutations of a valid input: flipped bits, replaced, inserted and deleted bytes, cut
/// tails, repeated or swapped slices, and now and then pure noise.
enum Mutator {
    static let interesting: [[UInt8]] = [
        Array("\n".utf8), Array("\"".utf8), Array("{".utf8), Array("}".utf8), Array(":".utf8), Array("[".utf8),
        Array("]".utf8), Array("\\".utf8), Array("#".utf8), Array("=".utf8), Array("-".utf8), [0], [0xFF], [0xC3],
        Array("\u{1F600}".utf8), Array("99999999999999999999".utf8), Array("null".utf8), Array("  ".utf8),
    ]

    static func mutate(_ input: [UInt8], using random: inout SeededRandom) -> [UInt8] {
        var bytes = input
        if Int.random(in: 0..<20, using: &random) == 0 {
            return (0..<Int.random(in: 0...600, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        }
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0 where !bytes.isEmpty: bytes[position] ^= 1 << UInt8.random(in: 0...7, using: &random)
            case 1 where !bytes.isEmpty: bytes[position] = UInt8.random(in: 0...255, using: &random)
            case 2: bytes.insert(contentsOf: interesting.randomElement(using: &random)!, at: position)
            case 3 where !bytes.isEmpty: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...16, using: &random)))
            case 4: bytes = Array(bytes.prefix(position))
            case 5 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...200, using: &random))
                bytes.insert(contentsOf: bytes[position..<end], at: Int.random(in: 0...bytes.count, using: &random))
            default:
                if !bytes.isEmpty { bytes[position] = interesting.randomElement(using: &random)!.first! }
            }
        }
        return bytes
    }
}
