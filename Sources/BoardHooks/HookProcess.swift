import Foundation
import Glibc

/// Runs one hook command once: `/bin/sh -c COMMAND` with the event's JSON on standard input.
/// Its output is collected rather than passed to the terminal, so the caller can sanitise it.
enum HookProcess {
    struct Outcome {
        var status: Int32
        /// True when the status is a signal number rather than an exit code.
        var signalled: Bool
        var output: String

        var succeeded: Bool { status == 0 && !signalled }
        var statusText: String { signalled ? "killed by signal \(status)" : "exit status \(status)" }
    }

    static func run(_ command: String, input: Data, environment: [String: String]) throws -> Outcome {
        // A hook that exits without reading its input must not kill mlboard with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = environment
        let stdin = Pipe()
        let output = Pipe()
        process.standardInput = stdin
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let writer = Thread {
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let collected = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
            output: String(decoding: collected, as: UTF8.self))
    }
}
