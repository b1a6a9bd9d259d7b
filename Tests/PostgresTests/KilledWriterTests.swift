import Foundation
import Glibc
import TestSupport
import Testing

/// A person's `mlboard` killed at any moment of its commit, on either store: the journal holds
/// that commit whole or not at all, it still verifies, and the next writer writes.
@Suite("A writer killed in the middle of its commit, on either store")
struct KilledWriterTests {
    enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case folder, postgres
        var testDescription: String { rawValue }
    }

    @Test("20 writers, killed 0 to 228 ms after they start (a comment takes about 100 ms, more on a server): each comment is there once or not at all, verify passes, and a last writer writes",
          arguments: StoreKind.allCases)
    func killedWriters(kind: StoreKind) throws {
        var cli = try CLIHarness.withTeam()
        defer { cli.cleanUp() }
        if kind == .postgres {
            let url = try PostgresCluster.shared.get().makeDatabase().description
            try cli.expectSuccess("migrate", "--to", url, as: "ada")
            cli.environment["MLBOARD_STORE"] = url
        }
        var finished: Set<String> = []
        for writer in 0..<20 {
            let body = "killed writer \(writer)"
            let pid = try CleanSpawn.start([CLIHarness.binary.path, "comment", "--project", "churn", body, "--as", "bob", "--dir", cli.dataDirectory.path],
                                           environment: cli.environment)
            usleep(useconds_t(12_000 * writer))  // before, during and after the commit
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            if status & 0x7f == 0 && (status >> 8) & 0xff == 0 { finished.insert(body) }
        }
        #expect(finished.count < 20, "some writers were killed before they finished")
        let verify = try cli.run("verify", as: "ada")
        #expect(verify.status == 0 && verify.stdout.contains("verify passed"), "\(verify.stdout)\(verify.stderr)")
        try cli.expectSuccess("comment", "--project", "churn", "after the kills", as: "bob")
        let bodies = try commentBodies(cli)
        #expect(bodies.last == "after the kills")
        let survivors = bodies.filter { $0.hasPrefix("killed writer") }
        #expect(Set(survivors).count == survivors.count, "no commit is there twice: \(survivors)")
        #expect(finished.isSubset(of: Set(survivors)), "every writer that finished has its comment there")
    }

    private func commentBodies(_ cli: CLIHarness) throws -> [String] {
        let log = try cli.run("log", "--json", as: "ada")
        return log.stdout.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let event = object["event"] as? [String: Any], let commented = event["commented"] as? [String: Any],
                  let comment = commented["_0"] as? [String: Any] else { return nil }
            return comment["body"] as? String
        }
    }
}
