import BoardCore
import BoardStore
import Foundation

/// The OpenSSH programs the signed benchmarks set up with: keys made by ssh-keygen, and an
/// ssh-agent of the bench's own.
enum SSHTools {
    /// Runs `name` from PATH to its end; stops the bench if it fails.
    static func run(_ name: String, _ arguments: [String], environment: [String: String]? = nil) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        if let environment { process.environment = environment }
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do { try process.run() } catch { fatalError("cannot run \(name): \(error)") }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        precondition(process.terminationStatus == 0, "\(name) \(arguments.joined(separator: " ")) failed: \(message)")
    }

    /// The environment with no agent in it, so ssh-keygen signs from the key file itself.
    static func withoutAgent(_ environment: [String: String]) -> [String: String] {
        var result = environment
        result.removeValue(forKey: "SSH_AUTH_SOCK")
        return result
    }
}

/// An unencrypted key made by `ssh-keygen -t TYPE -N ''` (ed25519 unless told), the private key at `path`.
struct BenchKey {
    let path: String
    let publicKey: SSHPublicKey

    init(named name: String, in folder: URL, type: String = "ed25519") {
        path = folder.appendingPathComponent(name).path
        SSHTools.run("ssh-keygen", ["-q", "-t", type, "-N", "", "-C", name, "-f", path])
        let line = try! String(contentsOfFile: path + ".pub", encoding: .utf8)
        publicKey = try! SSHPublicKeyLine(parsing: line).key
    }

    /// The command that registers this key to `handle`.
    func registration(for handle: String) -> Command {
        .addKey(handle: handle, fingerprint: publicKey.fingerprint, publicKey: publicKey.openSSHLine)
    }
}

/// `ssh-agent -D -a SOCKET`, started by the bench on a socket in its scratch folder and
/// stopped by it: never the user's own agent.
final class BenchAgent {
    let socketPath: String
    private let process = Process()

    init(in scratch: Scratch) {
        socketPath = scratch.url("agent.sock").path
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ssh-agent", "-D", "-a", socketPath]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { fatalError("cannot start ssh-agent: \(error)") }
        let deadline = nowNanos() + 10_000_000_000
        while !FileManager.default.fileExists(atPath: socketPath) {
            precondition(process.isRunning && nowNanos() < deadline, "ssh-agent did not open \(socketPath)")
            usleep(10_000)
        }
    }

    var environment: [String: String] { ["SSH_AUTH_SOCK": socketPath] }

    func add(_ key: BenchKey) {
        var environment = ProcessInfo.processInfo.environment
        environment["SSH_AUTH_SOCK"] = socketPath
        SSHTools.run("ssh-add", ["-q", key.path], environment: environment)
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}
