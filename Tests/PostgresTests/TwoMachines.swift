import TestSupport
import Foundation

/// A workspace on a throwaway PostgreSQL cluster on the host, and two people on two other
/// machines (network namespaces) reaching it over their links with a role and password each:
/// ann, a data scientist on machine A, and bob, who approves staging, on machine B. The lead
/// (lee) sets it up from the host as the superuser: a project, the model scorer and its v1.
struct TwoMachines {
    let machineA: NetworkNamespace
    let machineB: NetworkNamespace
    let cluster: PostgresCluster
    let lead: WorkspaceClient
    let ann: WorkspaceClient
    let bob: WorkspaceClient

    /// The events the set-up writes, as `LoggedEvent.entry` gives them.
    static let setUpEvents = ["lee stakeholderAdded", "lee stakeholderAdded", "lee stakeholderAdded", "lee projectCreated",
                              "lee modelRegistered", "lee versionRegistered"]

    /// Runs `body` with the machines and the workspace, and tears everything down after it on
    /// every path: the cluster, the namespaces (with their links) and the people's homes.
    static func with(_ body: (TwoMachines) throws -> Void) throws {
        let suffix = NetworkNamespace.newSuffix()
        let network = NetworkNamespace.newNetwork()
        let machineA = try NetworkNamespace(label: "a", suffix: suffix, network: network, subnet: 0)
        defer { machineA.remove() }
        let machineB = try NetworkNamespace(label: "b", suffix: suffix, network: network, subnet: 1)
        defer { machineB.remove() }
        let cluster = try PostgresCluster(listenAddresses: ["127.0.0.1", machineA.hostAddress, machineB.hostAddress])
        defer { cluster.tearDown() }
        let database = try cluster.makeDatabase("twomachines").database
        let homes = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-two-machines-\(suffix)")
        defer { try? FileManager.default.removeItem(at: homes) }

        let superuserStore = "postgresql://\(PostgresCluster.superuser)@127.0.0.1:\(cluster.port)/\(database)"
        let lead = try WorkspaceClient(handle: "lee", store: superuserStore, password: nil, namespace: nil,
                                       home: homes.appendingPathComponent("lee"))
        try lead.succeed(["init", "--store", superuserStore, "--signatures", "off", "--name", "Two machines"])
        try lead.succeed(["stakeholder", "add", "ann", "--name", "Ann", "--role", "data scientist"])
        try lead.succeed(["stakeholder", "add", "bob", "--name", "Bob", "--role", "ML engineer", "--approves", "staging"])
        try lead.succeed(["project", "create", "fraud", "--name", "Fraud", "--goal", "decision making"])
        try lead.succeed(["model", "register", "scorer", "--project", "fraud", "--name", "Scorer"])
        try lead.succeed(["model", "version", "scorer", "--source", "runs:/r1/model"])

        let ann = try writer("ann", on: machineA, cluster: cluster, database: database, homes: homes)
        let bob = try writer("bob", on: machineB, cluster: cluster, database: database, homes: homes)
        try body(TwoMachines(machineA: machineA, machineB: machineB, cluster: cluster, lead: lead, ann: ann, bob: bob))
    }

    /// The journal as `mlboard log --json` lists it to the lead.
    func log() throws -> [LoggedEvent] {
        try lead.succeed(["log", "--json"]).split(separator: "\n").map { try LoggedEvent(json: String($0)) }
    }

    /// A PostgreSQL role for `handle` that may write the workspace, with a password, and the
    /// person using it from `machine` (the server at the host's end of its link).
    private static func writer(_ handle: String, on machine: NetworkNamespace, cluster: PostgresCluster,
                               database: String, homes: URL) throws -> WorkspaceClient {
        let password = "pw-\(handle)-\(UUID().uuidString.prefix(8))"
        try cluster.psql("""
            CREATE ROLE \(handle) LOGIN PASSWORD '\(password)';
            GRANT SELECT, INSERT ON mlboard_events TO \(handle);
            GRANT SELECT ON mlboard_config, mlboard_schema TO \(handle);
            GRANT SELECT, INSERT, UPDATE, DELETE ON mlboard_presence TO \(handle);
            """, database: database)
        return try WorkspaceClient(handle: handle, store: "postgresql://\(handle)@\(machine.hostAddress):\(cluster.port)/\(database)",
                                   password: password, namespace: machine, home: homes.appendingPathComponent(handle))
    }
}
