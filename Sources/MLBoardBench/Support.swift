import Foundation
import Glibc

/// Monotonic nanoseconds, comparable across processes on this machine.
func nowNanos() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// Sorted samples in microseconds, with the few figures the tables print.
struct Samples {
    private(set) var sorted: [Double]

    init(_ values: [Double]) { sorted = values.sorted() }

    var count: Int { sorted.count }
    var median: Double { percentile(50) }
    var p99: Double { percentile(99) }
    var mean: Double { sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count) }

    /// Nearest-rank percentile.
    func percentile(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }
}

/// A plain text table with right-aligned numbers.
struct Table {
    var title: String
    var header: [String]
    var rows: [[String]] = []

    mutating func add(_ row: [String]) { rows.append(row) }

    func print() {
        let widths = header.indices.map { column in
            ([header[column]] + rows.map { column < $0.count ? $0[column] : "" }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return index == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        Swift.print("\n## \(title)\n")
        Swift.print(line(header))
        Swift.print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        for row in rows { Swift.print(line(row)) }
        fflush(nil)
    }
}

func fmt(_ value: Double, _ digits: Int = 1) -> String {
    value.isNaN ? "-" : String(format: "%.\(digits)f", value)
}

func fmtMillis(_ micros: Double) -> String { fmt(micros / 1000, 2) }

/// The bench binary itself, for spawning its hidden child modes.
let selfPath: String = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]

/// The mlboard binary beside the bench binary.
var mlboardPath: String { URL(fileURLWithPath: selfPath).deletingLastPathComponent().appendingPathComponent("mlboard").path }

/// A child process started with posix_spawn, its stdout going to a file, or with stdout and
/// stderr thrown away when its output is not wanted.
struct Child {
    let pid: pid_t
    let outputPath: String?

    static func spawn(_ path: String, _ arguments: [String], environment: [String: String]? = nil, keepingOutput: Bool = true) -> Child {
        let output = keepingOutput ? NSTemporaryDirectory() + "mlboard-bench-child-\(UUID().uuidString).out" : nil
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        if let output {
            posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, nil, argv, env)
        precondition(rc == 0, "posix_spawn \(path) failed: \(String(cString: strerror(rc)))")
        posix_spawn_file_actions_destroy(&actions)
        for pointer in argv { free(pointer) }
        for pointer in env { free(pointer) }
        return Child(pid: pid, outputPath: output)
    }

    /// Waits for the exit and returns status and stdout (empty when it was thrown away).
    func wait() -> (status: Int32, output: String) {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        var text = ""
        if let outputPath {
            text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            unlink(outputPath)
        }
        let exited = (status & 0x7f) == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), text)
    }
}

/// A scratch folder on the same disk as /tmp, removed at the end.
final class Scratch {
    let root: URL

    init(_ name: String) {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("mlboard-bench-\(name)-\(UUID().uuidString.prefix(8))")
        try! FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func url(_ name: String) -> URL { root.appendingPathComponent(name) }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Lines "key value" printed by a child, as a dictionary of the last value per key, and all
/// values of repeated keys.
func parseChild(_ output: String) -> [String: [String]] {
    var result: [String: [String]] = [:]
    for line in output.split(separator: "\n") {
        let parts = line.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { continue }
        result[String(parts[0]), default: []].append(String(parts[1]))
    }
    return result
}

/// This process's peak resident memory. Read from VmHWM: after posix_spawn (a vfork) and exec,
/// getrusage's ru_maxrss still holds the parent's peak, so a child would report its parent's.
func peakRSSKilobytes() -> Int {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
       let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") {
        return kilobytes
    }
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Int(usage.ru_maxrss)
}
