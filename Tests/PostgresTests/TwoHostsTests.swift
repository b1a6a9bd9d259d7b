import TestSupport
import Foundation
import Testing

extension PostgresServerTests {
    @Suite("PostgreSQL workspace: two machines")
    struct TwoHostsTests {
        @Test("two people on two machines (network namespaces) request and approve a promotion and both dashboards see it live; the server stops and starts in the middle: nothing acknowledged is lost, both dashboards recover",
              .enabled(if: NetworkNamespace.available && TmuxServer.available,
                       "needs root and iproute2's ip (network namespaces, veth pairs) and tmux"),
              .timeLimit(.minutes(3)))
        func promotionAcrossMachines() throws {
            let suffix = String(UUID().uuidString.lowercased().filter(\.isHexDigit).prefix(6))
            let network = (Int.random(in: 100...250), Int.random(in: 0...255))
            let machineA = try NetworkNamespace(label: "a", suffix: suffix, network: network, subnet: 0)
            defer { machineA.remove() }
            let machineB = try NetworkNamespace(label: "b", suffix: suffix, network: network, subnet: 1)
            defer { machineB.remove() }
            let cluster = try PostgresCluster(listenAddresses: ["127.0.0.1", machineA.hostAddress, machineB.hostAddress])
            defer { cluster.tearDown() }
            let database = try cluster.makeDatabase().database
            let homes = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-two-hosts-\(suffix)")
            defer { try? FileManager.default.removeItem(at: homes) }

            // The lead sets the workspace up from the server's own machine, as the superuser.
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

            try TmuxServer.with(label: "mlboard-a") { screenA in
                try TmuxServer.with(label: "mlboard-b") { screenB in
                    let dashboards = [RemoteDashboard(person: ann, tmux: screenA), RemoteDashboard(person: bob, tmux: screenB)]
                    for dashboard in dashboards {
                        try dashboard.open()
                        #expect(try dashboard.namespace() == dashboard.person.namespace?.name,
                                 "\(dashboard.person.handle)'s dashboard runs on their machine")
                        try dashboard.expectLive()
                        try dashboard.show(pane: "6", titled: "Approvals")
                    }
                    let clients = try cluster.psql("SELECT DISTINCT usename || ' ' || host(client_addr) FROM pg_stat_activity WHERE usename IN ('ann', 'bob')")
                    #expect(Set(clients.split(separator: "\n")) == ["ann \(machineA.address)", "bob \(machineB.address)"],
                            "the server sees each dashboard come from its own machine: \(clients)")

                    try ann.succeed(["promote", "scorer:1", "--to", "staging", "--reason", "ready for shadow traffic"])
                    for dashboard in dashboards {
                        try dashboard.expectScreen("ann's request PR-1, live") { $0.hasLine(with: "PR-1", "scorer v1", "development → staging", "ann") }
                    }

                    try cluster.stop()
                    for dashboard in dashboards {
                        try dashboard.expectOffline()
                        try dashboard.expectScreen("the last state it read") { $0.hasLine(with: "PR-1", "scorer v1") }
                    }
                    let refused = try bob.mlboard(["comment", "--request", "PR-1", "written while the server is down"])
                    #expect(refused.status == 3, "a command fails while the server is down: \(refused.output)")
                    #expect(refused.output.contains("\(machineB.hostAddress):\(cluster.port)"), "the message names the server: \(refused.output)")

                    try cluster.start()
                    for dashboard in dashboards {
                        try dashboard.expectLive()
                        try dashboard.expectScreen("PR-1 after the restart") { $0.hasLine(with: "PR-1", "scorer v1") }
                    }

                    try bob.succeed(["approve", "PR-1", "--comment", "shadow traffic looks fine"])
                    for dashboard in dashboards {
                        try dashboard.show(pane: "7", titled: "Activity")
                        try dashboard.expectScreen("bob's approval, live") { $0.hasLine(with: "bob", "approved PR-1") }
                        try dashboard.show(pane: "4", titled: "staging")
                        try dashboard.expectScreen("scorer v1 in staging") { $0.column(titled: "staging").contains { $0.split(separator: " ").prefix(2) == ["scorer", "v1"] } }
                    }
                }
            }

            let log = try lead.succeed(["log", "--json"]).split(separator: "\n").map { try LoggedEvent(json: String($0)) }
            #expect(log.map(\.seq) == Array(1...Int64(log.count)), "the journal has no gap")
            let setUp = ["lee stakeholderAdded", "lee stakeholderAdded", "lee stakeholderAdded", "lee projectCreated",
                         "lee modelRegistered", "lee versionRegistered"]
            let requested = ["ann promotionRequested"]
            let approved = ["bob approvalRecorded", "bob requestApproved", "bob stageChanged", "bob aliasMoved"]
            #expect(log.map(\.entry) == setUp + requested + approved,
                    "every event acknowledged in the run, in order, and nothing of the refused command: \(log)")
            for person in [lead, ann] {
                let verified = try person.mlboard(["verify"])
                #expect(verified.status == 0, "verify as \(person.handle): \(verified.output)")
            }
        }

        /// A PostgreSQL role for `handle` that may write the workspace, with a password, and
        /// the person using it from `machine` (the server at the host's end of its link).
        private func writer(_ handle: String, on machine: NetworkNamespace, cluster: PostgresCluster,
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
}
