import Foundation
import Glibc
import TestSupport
import Testing

/// The test machines' own clean-up: a run killed before it removed its namespaces leaves them,
/// and the next run deletes them.
@Suite("Test machines left by a killed run",
       .enabled(if: NetworkNamespace.available, "needs root (with the capabilities to make network namespaces) and iproute2's ip"))
struct NetworkNamespaceTests {
    @Test("a namespace whose run has gone is deleted, with its host link and route; a live run's is kept")
    func leftoversRemoved() throws {
        let suffix = NetworkNamespace.newSuffix()
        let network = NetworkNamespace.newNetwork()
        let gone = try NetworkNamespace(label: "g", suffix: suffix, network: network, subnet: 0)
        defer { gone.remove() }
        let live = try NetworkNamespace(label: "l", suffix: suffix, network: network, subnet: 1)
        defer { live.remove() }
        try gone.cutOff()
        let deadProcess = try ShellCommand.run(["/bin/sh", "-c", "echo $$"], environment: HermeticEnvironment.current())
        let deadPid = deadProcess.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let note = NetworkNamespace.record(of: gone.name)
        let fields = try String(contentsOf: note, encoding: .utf8).split(separator: " ")
        try Data(([deadPid] + fields.dropFirst().map(String.init)).joined(separator: " ").utf8).write(to: note)

        NetworkNamespace.removeLeftovers()

        let namespaces = try ShellCommand.succeed([NetworkNamespace.ip ?? "ip", "netns", "list"])
        #expect(!namespaces.contains(gone.name))
        #expect(namespaces.contains(live.name))
        let routes = try ShellCommand.succeed([NetworkNamespace.ip ?? "ip", "route", "show", "type", "blackhole"])
        #expect(!routes.contains(gone.address))
        #expect(!FileManager.default.fileExists(atPath: note.path))
        #expect(FileManager.default.fileExists(atPath: NetworkNamespace.record(of: live.name).path))
    }
}
