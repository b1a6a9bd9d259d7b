import TestSupport
import BoardCore
@testable import BoardDemo
import BoardStore
import Foundation

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

/// The demo's SplitMix64, so fuzz cases repeat exactly on every machine.
extension SplitMix64: RandomNumberGenerator {}

/// Mutations of a valid input: flipped bits, replaced, inserted and deleted bytes, cut
/// tails, repeated or swapped slices, and now and then pure noise.
enum Mutator {
    static let interesting: [[UInt8]] = [
        Array("\n".utf8), Array("\"".utf8), Array("{".utf8), Array("}".utf8), Array(":".utf8), Array("[".utf8),
        Array("]".utf8), Array("\\".utf8), Array("#".utf8), Array("=".utf8), Array("-".utf8), [0], [0xFF], [0xC3],
        Array("\u{1F600}".utf8), Array("99999999999999999999".utf8), Array("null".utf8), Array("  ".utf8),
    ]

    static func mutate(_ input: [UInt8], using random: inout SplitMix64) -> [UInt8] {
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
