import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A real `mlflow server` on a loopback port with a SQLite backend, in a test's own folder
/// (also its working folder, where the basic-auth app keeps its user database). It runs in its
/// own session (setsid), so stopping it stops its workers too.
final class MLflowServer {
    /// MLflow's basic-auth app's first user.
    static let admin = (user: "admin", password: "password1234")

    let folder: URL
    let port: Int
    let basicAuth: Bool
    private let python: URL
    private var pid: pid_t?

    var trackingURI: String { "http://127.0.0.1:\(port)" }

    init(python: URL, folder: URL, basicAuth: Bool = false) throws {
        self.python = python
        self.folder = folder
        self.basicAuth = basicAuth
        self.port = try Self.freePort()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("artifacts"), withIntermediateDirectories: true)
    }

    /// Starts the server and waits until /health answers.
    func start() throws {
        let log = folder.appendingPathComponent("server.log").path
        let command = [
            python.path, "-m", "mlflow", "server",
            "--backend-store-uri", "sqlite:///\(folder.path)/db.sqlite",
            "--default-artifact-root", folder.appendingPathComponent("artifacts").path,
            "--host", "127.0.0.1", "--port", String(port), "--workers", "1",
        ] + (basicAuth ? ["--app-name", "basic-auth"] : [])
        // The server's own log goes to a file: its errors are what a failing test needs to see.
        let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        var environment = ProcessInfo.processInfo.environment
        environment["MLFLOW_FLASK_SERVER_SECRET_KEY"] = "mlboard-tests-only"
        pid = try CleanSpawn.start(
            ["setsid", "sh", "-c", "cd '\(folder.path)' && exec \(quoted) >>'\(log)' 2>&1"], environment: environment)
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if healthy() { return }
            if let pid, kill(pid, 0) != 0 { break }
            usleep(250_000)
        }
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        stop()
        throw HarnessFailure("mlflow server did not become healthy on port \(port); its log ends:\n\(text.suffix(3_000))")
    }

    /// Stops the server and all it started; waits until the port no longer answers.
    func stop() {
        guard let pid else { return }
        kill(-pid, SIGTERM)
        var status: Int32 = 0
        for _ in 0..<100 {
            if waitpid(pid, &status, WNOHANG) == pid { break }
            usleep(100_000)
        }
        kill(-pid, SIGKILL)
        _ = waitpid(pid, &status, WNOHANG)
        self.pid = nil
        for _ in 0..<50 where healthy() { usleep(100_000) }
    }

    deinit { stop() }

    func healthy() -> Bool {
        guard let url = URL(string: "\(trackingURI)/health") else { return false }
        return httpStatus(of: url, seconds: 2) == 200
    }

    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw HarnessFailure("no socket for a free port") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
            }
        }
        guard bound else { throw HarnessFailure("cannot bind a loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
