import BoardPostgres
import Foundation
import Glibc

/// A throwaway PostgreSQL cluster for tests: Debian's server binaries, a data folder under the
/// test's own temporary folder, a free loopback port, torn down (stop -m immediate, folder
/// removed) at the end. initdb refuses to run as root, so as root the server runs as the
/// `postgres` account (or `nobody`) through setpriv, on folders chowned to it.
public final class PostgresCluster: @unchecked Sendable {
    /// The superuser, trusted from loopback; every other role must give its password.
    public static let superuser = "mlboard"

    public let root: URL
    public let port: Int
    /// The addresses the server listens on (loopback, and any a test adds for other hosts).
    public let listenAddresses: [String]
    private let binaries: URL
    private let owner: (uid: uid_t, gid: gid_t)?

    /// One cluster for the whole test process, started on first use and stopped at exit.
    public static let shared: Result<PostgresCluster, any Error> = {
        let result = Result { try PostgresCluster() }
        if case .success = result { atexit { if case .success(let cluster) = PostgresCluster.shared { cluster.tearDown() } } }
        return result
    }()

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// `listenAddresses` beyond loopback let clients in other network namespaces connect;
    /// every role but the superuser gives a password from anywhere but loopback's superuser.
    public init(listenAddresses: [String] = ["127.0.0.1"]) throws {
        self.listenAddresses = listenAddresses
        binaries = try Self.findBinaries()
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        chmod(root.path, 0o755)
        owner = getuid() == 0 ? try Self.serverAccount() : nil
        for folder in ["data", "socket"] {
            let url = root.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            if let owner { chown(url.path, owner.uid, owner.gid) }
        }
        port = try Self.freeLoopbackPort()
        do {
            try runAsServer(["initdb", "-D", dataPath, "-U", Self.superuser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"])
            try writeAccessRules()
            try start()
            try watchThisProcess()
        } catch {
            tearDown()
            throw error
        }
    }

    public var dataPath: String { root.appendingPathComponent("data").path }

    public func start() throws {
        let options = "-p \(port) -k \(root.appendingPathComponent("socket").path) -c listen_addresses=\(listenAddresses.joined(separator: ","))"
        try runAsServer(["pg_ctl", "-D", dataPath, "-l", dataPath + "/server.log", "-o", options, "-w", "-t", "60", "start"])
    }

    /// Stops the server at once, as a crash or a kill would (clients see their connections drop).
    public func stop() throws {
        try runAsServer(["pg_ctl", "-D", dataPath, "-m", "immediate", "-w", "stop"])
    }

    public func tearDown() {
        try? stop()
        try? FileManager.default.removeItem(at: root)
    }

    /// A new, empty database on this cluster, for one test.
    public func makeDatabase(_ name: String = #function) throws -> PostgresLocation {
        let database = "t_" + name.lowercased().filter { $0.isLetter || $0.isNumber } + "_" + UUID().uuidString.prefix(6).lowercased()
        _ = try psql("CREATE DATABASE \(database)")
        return location(database)
    }

    public func location(_ database: String, user: String = PostgresCluster.superuser) -> PostgresLocation {
        PostgresLocation(host: "127.0.0.1", port: port, user: user, database: database, sslMode: .disable)
    }

    /// Runs `sql` through psql as the superuser and returns what it printed (unaligned, tuples only).
    @discardableResult
    public func psql(_ sql: String, database: String = "postgres") throws -> String {
        try run([binaries.appendingPathComponent("psql").path, "-X", "-At", "-v", "ON_ERROR_STOP=1",
                 "-h", "127.0.0.1", "-p", String(port), "-U", Self.superuser, "-d", database, "-c", sql])
    }

    public var psqlPath: String { binaries.appendingPathComponent("psql").path }

    // MARK: - Processes

    /// A test process that is killed runs no atexit: a watchdog in a session of its own (so a
    /// kill of the test's process group misses it) stops the server and removes its folder once
    /// this process is gone.
    private func watchThisProcess() throws {
        var stop = [binaries.appendingPathComponent("pg_ctl").path, "-D", dataPath, "-m", "immediate", "stop"]
        if let owner { stop = ["setpriv", "--reuid=\(owner.uid)", "--regid=\(owner.gid)", "--clear-groups"] + stop }
        let script = "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; \"$@\" >/dev/null 2>&1; rm -rf '\(root.path)'"
        _ = try CleanSpawn.start(["setsid", "sh", "-c", script, "sh"] + stop, environment: HermeticEnvironment.current(), output: "/dev/null")
    }

    private func runAsServer(_ arguments: [String]) throws {
        var command = [binaries.appendingPathComponent(arguments[0]).path] + arguments.dropFirst()
        if let owner {
            command = ["setpriv", "--reuid=\(owner.uid)", "--regid=\(owner.gid)", "--clear-groups"] + command
        }
        try run(command)
    }

    /// Runs `arguments` with nothing of the test runner inherited (no blocked signals, no open
    /// descriptors: the server pg_ctl leaves running must not hold a pipe of ours) and returns
    /// its output; throws with the output when it fails.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let output = root.appendingPathComponent("command-\(UUID().uuidString.prefix(6)).out").path
        defer { unlink(output) }
        var environment = HermeticEnvironment.current()
        environment["LC_ALL"] = "C"
        environment.removeValue(forKey: "PGPASSWORD")
        // psql must not wait for ever on a server that stopped answering either.
        environment["PGCONNECT_TIMEOUT"] = "10"
        environment["PGOPTIONS"] = "-c statement_timeout=60000"
        let pid = try CleanSpawn.start(["sh", "-c", "exec \"$@\" 2>&1", "sh"] + arguments, environment: environment, output: output)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let printed = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard status == 0 else { throw Failure(description: "\(arguments.joined(separator: " ")) failed (\(status)): \(printed)") }
        return printed
    }

    // MARK: - Setting up

    /// The superuser is trusted from loopback, every other role must give a password (so the
    /// password tests mean something); pg_hba.conf keeps the owner initdb gave it.
    private func writeAccessRules() throws {
        let rules = """
            local all all trust
            host all \(Self.superuser) 127.0.0.1/32 trust
            host all all 127.0.0.1/32 scram-sha-256
            host all all 0.0.0.0/0 scram-sha-256

            """
        guard let handle = FileHandle(forWritingAtPath: dataPath + "/pg_hba.conf") else {
            throw Failure(description: "cannot write pg_hba.conf")
        }
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(rules.utf8))
        try handle.close()
    }

    private static func findBinaries() throws -> URL {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) {
            let bin = URL(fileURLWithPath: "/usr/lib/postgresql/\(version)/bin")
            if FileManager.default.isExecutableFile(atPath: bin.appendingPathComponent("initdb").path) { return bin }
        }
        throw Failure(description: "no PostgreSQL server under /usr/lib/postgresql (apt-get install postgresql)")
    }

    /// initdb looks its user up, so it needs an account: the package's `postgres`, else `nobody`.
    private static func serverAccount() throws -> (uid: uid_t, gid: gid_t) {
        for name in ["postgres", "nobody"] {
            if let entry = getpwnam(name) { return (entry.pointee.pw_uid, entry.pointee.pw_gid) }
        }
        throw Failure(description: "no account to run PostgreSQL as (neither postgres nor nobody)")
    }

    private static func freeLoopbackPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
                Glibc.bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw Failure(description: "no free loopback port: \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
