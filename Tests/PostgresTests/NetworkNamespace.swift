import TestSupport
import Foundation
import Glibc

/// A network namespace standing for another machine: joined to the host by a veth pair on a
/// private /30, the host's end at `hostAddress`, the namespace's end at `address`. Only the
/// host's end reaches it; its own loopback is its own. `remove()` deletes the namespace and
/// with it both ends of the pair.
final class NetworkNamespace {
    let name: String
    let hostAddress: String
    let address: String
    private let hostLink: String

    static let ip = ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Creating namespaces and links takes root (with its capabilities: a container may withhold
    /// them) and iproute2's `ip`; a probe namespace made and deleted at once tells.
    static let available: Bool = {
        guard getuid() == 0, let ip else { return false }
        removeLeftovers()
        let probe = "mlboard-probe-\(UUID().uuidString.prefix(8).lowercased())"
        let environment = HermeticEnvironment.current()
        guard (try? ShellCommand.run([ip, "netns", "add", probe], environment: environment))?.status == 0 else { return false }
        _ = try? ShellCommand.run([ip, "netns", "delete", probe], environment: environment)
        return true
    }()

    /// A suffix for one run's namespaces, and a private /24 for them, each new at every call.
    static func newSuffix() -> String { String(UUID().uuidString.lowercased().filter(\.isHexDigit).prefix(6)) }
    static func newNetwork() -> (Int, Int) { (Int.random(in: 100...250), Int.random(in: 0...255)) }

    /// A namespace `label`-`suffix` on 10.`network`.`subnet * 4`/30; `suffix` keeps the
    /// names of concurrent runs apart (interface names hold at most 15 characters).
    init(label: String, suffix: String, network: (Int, Int), subnet: Int) throws {
        guard let ip = Self.ip else { throw ShellCommand.Failure(description: "no ip command (apt-get install iproute2)") }
        name = "mlboard-\(label)-\(suffix)"
        hostLink = "mlbh\(label)\(suffix)"
        let peerLink = "mlbn\(label)\(suffix)"
        let prefix = "10.\(network.0).\(network.1)."
        hostAddress = prefix + String(subnet * 4 + 1)
        address = prefix + String(subnet * 4 + 2)
        let inside = [ip, "netns", "exec", name, ip]
        do {
            try ShellCommand.succeed([ip, "netns", "add", name])
            try ShellCommand.succeed([ip, "link", "add", hostLink, "type", "veth", "peer", "name", peerLink])
            try ShellCommand.succeed([ip, "link", "set", peerLink, "netns", name])
            try ShellCommand.succeed([ip, "addr", "add", hostAddress + "/30", "dev", hostLink])
            try ShellCommand.succeed([ip, "link", "set", hostLink, "up"])
            try ShellCommand.succeed(inside + ["addr", "add", address + "/30", "dev", peerLink])
            try ShellCommand.succeed(inside + ["link", "set", peerLink, "up"])
            try ShellCommand.succeed(inside + ["link", "set", "lo", "up"])
            try Data("\(getpid()) \(hostLink) \(address)\n".utf8).write(to: Self.record(of: name))
        } catch {
            remove()
            throw error
        }
    }

    /// Where a namespace notes the process that made it and what deleting it takes: a test run
    /// killed before its `remove()` leaves the namespace, its host link and maybe a blackhole
    /// route, which `removeLeftovers()` finds by these notes.
    static func record(of name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(name).netns")
    }

    /// Deletes the namespaces (links, routes, notes) of test runs that have gone.
    static func removeLeftovers() {
        let folder = FileManager.default.temporaryDirectory
        let notes = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for note in notes where note.hasPrefix("mlboard-") && note.hasSuffix(".netns") {
            let fields = ((try? String(contentsOf: folder.appendingPathComponent(note), encoding: .utf8)) ?? "").split(separator: " ")
            guard fields.count == 3, let pid = pid_t(fields[0]), kill(pid, 0) != 0, errno == ESRCH else { continue }
            deleteAll(name: String(note.dropLast(".netns".count)), hostLink: String(fields[1]),
                      address: fields[2].trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// `arguments` run inside this namespace.
    func commandLine(_ arguments: [String]) -> [String] {
        [Self.ip ?? "ip", "netns", "exec", name] + arguments
    }

    /// The namespace process `pid` runs in, by name ("" for the host's).
    static func namespace(of pid: String) throws -> String {
        try ShellCommand.succeed([ip ?? "ip", "netns", "identify", pid]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Cuts the machine off without a word, as a failing network in between would: the host
    /// drops every packet bound there (a blackhole route), so the machine's packets reach the
    /// server but nothing comes back, and neither side is told that the other is gone.
    func cutOff() throws {
        try ShellCommand.succeed([Self.ip ?? "ip", "route", "add", "blackhole", address + "/32"])
    }

    /// Lets the host's packets reach the machine again.
    func reconnect() throws {
        try ShellCommand.succeed([Self.ip ?? "ip", "route", "delete", "blackhole", address + "/32"])
    }

    /// Deletes the namespace (and so the pair); the host's end too, in case it never moved,
    /// and a blackhole route left from `cutOff()`.
    func remove() {
        Self.deleteAll(name: name, hostLink: hostLink, address: address)
    }

    private static func deleteAll(name: String, hostLink: String, address: String) {
        let environment = HermeticEnvironment.current()
        _ = try? ShellCommand.run([ip ?? "ip", "route", "delete", "blackhole", address + "/32"], environment: environment)
        _ = try? ShellCommand.run([ip ?? "ip", "netns", "delete", name], environment: environment)
        _ = try? ShellCommand.run([ip ?? "ip", "link", "delete", hostLink], environment: environment)
        try? FileManager.default.removeItem(at: record(of: name))
    }
}
