import Foundation
import TestSupport

/// The PostgreSQL figures of issue 14 in one run, on one throwaway cluster on loopback (its data
/// folder on the same disk as the folder store's): commit beside a bare INSERT transaction and
/// the folder, 8 writers, sync through NOTIFY, and a new client's open of 100k events; then the
/// issue's aims, each said met or not.
enum PostgresBench {
    static func run(quick: Bool) throws {
        // postgres-nio's errors describe themselves only when reflected.
        do { try measure(quick: quick) } catch { throw BenchFailure(description: String(reflecting: error)) }
    }

    private static func measure(quick: Bool) throws {
        let clients = Scratch("postgres-clients")
        defer { clients.remove() }
        setenv(PostgresFixtures.clientsVariable, clients.root.path, 1)
        defer { unsetenv(PostgresFixtures.clientsVariable) }
        let cluster = try PostgresCluster()
        defer { cluster.tearDown() }
        print("\nPostgreSQL cluster on 127.0.0.1:\(cluster.port), data in \(cluster.dataPath)")
        print("server settings: \(PostgresFixtures.durabilitySettings(cluster))")
        fflush(nil)

        let commit = try PostgresCommitBench.oneWriter(cluster: cluster, quick: quick)
        try PostgresCommitBench.eightWriters(cluster: cluster, quick: quick)
        let sync = try PostgresSyncBench.run(cluster: cluster, quick: quick)
        let open = try PostgresOpenBench.run(cluster: cluster, quick: quick)

        let store = commit.samples[0].median
        let bare = commit.samples[1].median
        var aims = Table(title: "PostgreSQL: the issue's aims", header: ["aim", "measured", "met"])
        aims.add(["commit within 1.5x of a bare INSERT transaction (medians)",
                  "\(fmt(store / bare, 2))x (\(fmt(store)) us / \(fmt(bare)) us)", store <= 1.5 * bare ? "yes" : "no"])
        aims.add(["NOTIFY sync median under 10 ms on loopback", "\(fmtMillis(sync.sync.median)) ms", sync.sync.median < 10_000 ? "yes" : "no"])
        aims.add(["a new client opens 100k events in under 1 s (median, no snapshot)", "\(fmt(open.median, 0)) ms", open.median < 1_000 ? "yes" : "no"])
        aims.print()
        print("load average at the end: \((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "unknown")")
    }
}
