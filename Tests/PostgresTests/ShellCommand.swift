import TestSupport
import Foundation
import Glibc

/// One program run to its end with nothing of the test runner inherited: its exit status and
/// everything it printed (standard output and error together, in order).
struct ShellCommand {
    struct Outcome {
        let status: Int32
        let output: String
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `arguments` in `directory` (else the test runner's own) to its end.
    static func run(_ arguments: [String], environment: [String: String], in directory: String? = nil) throws -> Outcome {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("mlboard-command-\(UUID().uuidString.prefix(8)).out").path
        defer { unlink(output) }
        let place = directory ?? FileManager.default.currentDirectoryPath
        let pid = try CleanSpawn.start(["sh", "-c", "cd \"$0\" && exec \"$@\" 2>&1", place] + arguments, environment: environment, output: output)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let printed = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        // WIFEXITED / WEXITSTATUS, which Swift's Glibc does not offer; a signal counts as 128 + it.
        let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Outcome(status: exitStatus, output: printed)
    }

    /// Runs `arguments` and throws with what it printed unless it exits with 0.
    @discardableResult
    static func succeed(_ arguments: [String], environment: [String: String] = HermeticEnvironment.current()) throws -> String {
        let outcome = try run(arguments, environment: environment)
        guard outcome.status == 0 else {
            throw Failure(description: "\(arguments.joined(separator: " ")) failed (\(outcome.status)): \(outcome.output)")
        }
        return outcome.output
    }
}
