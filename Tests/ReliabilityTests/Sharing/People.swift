import TestSupport
import BoardStore
import Foundation
import Glibc

/// Real OS identities for the sharing tests: numeric users and a team group (no /etc/passwd
/// entry needed), each with the umask real people have, running the real binary through
/// `setpriv`. Only root can switch users, so these tests run where CI runs: as root.
struct Person {
    let handle: String
    let uid: UInt32
    let umask: String
    var gid: UInt32 { uid }

    static let teamGroup: UInt32 = 42_420
    static let alice = Person(handle: "alice", uid: 42_421, umask: "022")
    static let bob = Person(handle: "bob", uid: 42_422, umask: "022")
    static let carol = Person(handle: "carol", uid: 42_423, umask: "077")
    static let outsider = Person(handle: "olga", uid: 42_429, umask: "022")

    static let canSwitchUsers: Bool = geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    /// A member of the team group; `outsider` is not.
    var groups: String { self.uid == Person.outsider.uid ? "\(gid)" : "\(gid),\(Person.teamGroup)" }

    /// The command line that runs `arguments` (a program and its arguments) as this person.
    func commandLine(_ arguments: [String]) -> [String] {
        ["/usr/bin/setpriv", "--reuid=\(uid)", "--regid=\(gid)", "--groups=\(groups)", "--",
         "/bin/sh", "-c", "umask \(umask); exec \"$@\"", "sh"] + arguments
    }

    /// This person's environment: their own home, state and cache, acting as their handle.
    func environment(in team: TeamFolder) -> [String: String] {
        var environment = HermeticEnvironment.current()
        let home = team.home(of: self).path
        environment["HOME"] = home
        environment["XDG_STATE_HOME"] = home + "/state"
        environment["XDG_CACHE_HOME"] = home + "/cache"
        environment["XDG_CONFIG_HOME"] = home + "/config"
        environment["MLBOARD_DIR"] = team.data.path
        environment["MLBOARD_USER"] = handle
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "MLBOARD_FAILPOINT")
        return environment
    }

    /// Runs mlboard as this person, killed after `seconds` (a hang counts as exit 137).
    @discardableResult
    func mlboard(_ arguments: [String], in team: TeamFolder, seconds: Int = 30) throws -> Outcome {
        let line = commandLine(["/usr/bin/timeout", "-s", "KILL", "\(seconds)", team.binary.path] + arguments)
        return Binary.finish(try Binary.start(URL(fileURLWithPath: line[0]), Array(line.dropFirst()),
                                              environment: environment(in: team), currentDirectory: team.shared))
    }
}

/// A team's shared folder, as an administrator sets one up: owned by root and the team group,
/// mode 2770 (setgid), under a temporary root everyone may traverse, with a home per person
/// and a copy of the binary everyone may run.
struct TeamFolder {
    let root: URL
    let shared: URL
    let binary: URL
    var data: URL { shared.appendingPathComponent(".mlboard") }
    var directory: DataDirectory { DataDirectory(data) }

    init(_ name: String = #function, setgid: Bool = true) throws {
        root = URL(fileURLWithPath: "/tmp").appendingPathComponent("mlboard-team-\(name.filter(\.isLetter))-\(UUID().uuidString.prefix(8))")
        shared = root.appendingPathComponent("team")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        chmod(root.path, 0o755)
        chown(shared.path, 0, Person.teamGroup)
        chmod(shared.path, setgid ? 0o2770 : 0o770)
        binary = root.appendingPathComponent("mlboard")
        try FileManager.default.copyItem(at: BuiltBinary.mlboard, to: binary)
        chmod(binary.path, 0o755)
        for person in [Person.alice, .bob, .carol, .outsider] {
            let home = self.home(of: person)
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            chown(home.path, person.uid, person.gid)
            chmod(home.path, 0o700)
        }
    }

    func home(of person: Person) -> URL { root.appendingPathComponent("home-\(person.handle)") }

    /// alice creates the workspace and adds bob and carol, leads both, so everyone may write.
    func startWorkspace(extra: [String] = []) throws {
        let made = try Person.alice.mlboard(["init", "--name", "Team"] + extra, in: self)
        guard made.status == 0 else { throw Failure("init failed: \(made.stderr)") }
        for person in [Person.bob, .carol] {
            let added = try Person.alice.mlboard(
                ["stakeholder", "add", person.handle, "--name", person.handle.capitalized, "--role", "data scientist", "--lead"], in: self)
            guard added.status == 0 else { throw Failure("adding \(person.handle) failed: \(added.stderr)\(added.stdout)") }
        }
        let project = try Person.alice.mlboard(
            ["project", "create", "churn", "--name", "Churn", "--goal", "customer experience"], in: self)
        guard project.status == 0 else { throw Failure("project create failed: \(project.stderr)") }
    }

    func facts(_ relative: String) -> stat? {
        var stats = stat()
        guard lstat(data.appendingPathComponent(relative).path, &stats) == 0 else { return nil }
        return stats
    }

    func cleanUp() { try? FileManager.default.removeItem(at: root) }
}

struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
