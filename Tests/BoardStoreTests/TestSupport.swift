import TestSupport
import BoardCore
import BoardStore
import Foundation

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
