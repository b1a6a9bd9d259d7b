import Foundation

/// (k) A small command from start to exit: `mlboard status --json` on the demo and `mlboard
/// --help`, beside `/bin/true` and any other builds named in MLBOARD_BENCH_COMPARE (paths to
/// mlboard binaries, separated by colons), each spawned in turn so a slow moment hits all alike.
enum StartupBench {
    static let compareVariable = "MLBOARD_BENCH_COMPARE"

    static func run(quick: Bool) throws {
        let scratch = Scratch("startup")
        defer { scratch.remove() }
        let directory = scratch.url("demo").path
        let environment = Fixtures.environment(scratch)
        let made = Child.spawn(mlboardPath, ["demo", "--no-tui", "--dir", directory], environment: environment).wait()
        precondition(made.status == 0, "mlboard demo failed (\(made.status)): \(made.output)")

        let others = (ProcessInfo.processInfo.environment[compareVariable] ?? "").split(separator: ":").map(String.init)
        let status = ["status", "--json", "--dir", directory]
        let commands: [(name: String, path: String, arguments: [String])] =
            [("mlboard status --json", mlboardPath, status), ("mlboard --help", mlboardPath, ["--help"])]
            + others.map { ("\($0) status --json", $0, status) }
            + [("/bin/true", "/bin/true", [])]
        let rounds = quick ? 3 : 10
        let perRound = quick ? 20 : 50
        let latencies = try interleavedLatencies(
            of: commands.map { command in { try runQuietly(command.path, command.arguments, environment: environment) } },
            rounds: rounds, perRound: perRound, warmUp: 5)
        var table = Table(
            title: "A command from spawn to exit, demo workspace (\(rounds) interleaved rounds x \(perRound))",
            header: ["command", "runs", "median ms", "p99 ms"])
        for (command, samples) in zip(commands, latencies.map(Samples.init)) {
            table.add([command.name, "\(samples.count)", fmtMillis(samples.median), fmtMillis(samples.p99)])
        }
        table.print()
    }

    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `path` with its output thrown away; a failure is an error.
    private static func runQuietly(_ path: String, _ arguments: [String], environment: [String: String]) throws {
        let status = Child.spawn(path, arguments, environment: environment, keepingOutput: false).wait().status
        guard status == 0 else { throw Failed(description: "\(path) \(arguments.joined(separator: " ")) exited \(status)") }
    }
}
