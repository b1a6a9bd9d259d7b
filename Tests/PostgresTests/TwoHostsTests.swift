import TestSupport
import Foundation
import Testing

extension PostgresServerTests {
    @Suite("PostgreSQL workspace: two machines",
           .enabled(if: NetworkNamespace.available && TmuxServer.available,
                    "needs root (with the capabilities to make network namespaces), iproute2's ip and tmux"))
    struct TwoHostsTests {
        @Test("two people on two machines (network namespaces) request and approve a promotion and both dashboards see it live; the server stops and starts in the middle: nothing acknowledged is lost, both dashboards recover",
              .timeLimit(.minutes(3)))
        func promotionAcrossMachines() throws {
            try TwoMachines.with { machines in
                let (cluster, machineA, machineB, ann, bob) = (machines.cluster, machines.machineA, machines.machineB, machines.ann, machines.bob)
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

                let log = try machines.log()
                #expect(log.map(\.seq) == log.indices.map { Int64($0) + 1 }, "the journal has no gap")
                let requested = ["ann promotionRequested"]
                let approved = ["bob approvalRecorded", "bob requestApproved", "bob stageChanged", "bob aliasMoved"]
                #expect(log.map(\.entry) == TwoMachines.setUpEvents + requested + approved,
                        "every event acknowledged in the run, in order, and nothing of the refused command: \(log)")
                for person in [machines.lead, ann] {
                    let verified = try person.mlboard(["verify"])
                    #expect(verified.status == 0, "verify as \(person.handle): \(verified.output)")
                }
            }
        }

        @Test("a network partition between one machine and the server (its answers dropped): a command there fails with exit 3, naming the server, and writes nothing, while the other machine writes; the dashboard there says offline and, once the machine is reachable again, is live and shows that write",
              .timeLimit(.minutes(3)))
        func partition() throws {
            try TwoMachines.with { machines in
                try TmuxServer.with(label: "mlboard-a") { screen in
                    let dashboard = RemoteDashboard(person: machines.ann, tmux: screen)
                    try dashboard.open()
                    try dashboard.expectLive()
                    try dashboard.show(pane: "6", titled: "Approvals")

                    try machines.machineA.cutOff()
                    let refused = try machines.ann.mlboard(["promote", "scorer:1", "--to", "staging", "--reason", "written cut off"])
                    #expect(refused.status == 3, "a command fails while the machine is cut off: \(refused.output)")
                    #expect(refused.output.contains("\(machines.machineA.hostAddress):\(machines.cluster.port)"),
                            "the message names the server: \(refused.output)")
                    try machines.bob.succeed(["promote", "scorer:1", "--to", "staging", "--reason", "written from the other machine"])
                    try dashboard.expectOffline()
                    try dashboard.expectScreen("the last state it read") { $0.contains("no open requests") }

                    try machines.machineA.reconnect()
                    try dashboard.expectLive()
                    try dashboard.expectScreen("bob's request, caught up") { $0.hasLine(with: "PR-1", "scorer v1", "development → staging", "bob") }
                }
                let log = try machines.log()
                #expect(log.map(\.entry) == TwoMachines.setUpEvents + ["bob promotionRequested"],
                        "bob's request, and nothing of ann's refused one: \(log)")
            }
        }
    }
}
