import TestSupport
import BoardCore
import BoardStore
import Foundation
import Testing

/// The tests run as root here, which ignores permission bits, so "not writable" is made with
/// the immutable attribute (`chattr +i`), which binds root too. Where chattr is unavailable
/// these tests are skipped; the read-only-by-newer-schema test in BoardStoreTests still runs.
enum Immutable {
    static let available: Bool = {
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-rel-chattr-\(UUID().uuidString.prefix(8))")
        FileManager.default.createFile(atPath: probe.path, contents: Data())
        defer { _ = try? Binary.shell("chattr -i '\(probe.path)'"); try? FileManager.default.removeItem(at: probe) }
        guard (try? Binary.shell("chattr +i '\(probe.path)'"))?.status == 0 else { return false }
        return open(probe.path, O_WRONLY) < 0
    }()

    static func set(_ url: URL, _ on: Bool) throws {
        let outcome = try Binary.shell("chattr \(on ? "+" : "-")i '\(url.path)'")
        guard outcome.status == 0 else { throw NSError(domain: "chattr", code: Int(outcome.status)) }
    }
}

@Suite("A data directory that cannot be written", .enabled(if: Immutable.available, "needs chattr +i"))
struct PermissionTests {
    @Test("an unwritable journal opens read-only, says so, and a write is refused with exit 3", arguments: ["journal", "directory"])
    func unwritable(what: String) throws {
        let workspace = try TestWorkspace(name: "perm\(what)")
        defer { workspace.cleanUp() }
        try workspace.comment(3)
        let target = what == "journal" ? workspace.directory.journalURL : workspace.directory.url
        let before = workspace.bytes(workspace.directory.journalURL)
        try Immutable.set(target, true)
        defer { try? Immutable.set(target, false) }

        let store = try workspace.open()
        let reason = try #require(store.readOnlyReason)
        #expect(reason.contains("cannot write") && reason.contains(target.path), "\(reason)")
        #expect(throws: StoreError.self) {
            try store.execute(.comment(on: .project(TestWorkspace.project), body: "refused"), as: TestWorkspace.lead, now: Instant(millis: 9_000))
        }

        let status = try Binary.run(["status"], environment: workspace.environment)
        #expect(status.status == 0, "reading still works: \(status.stderr)")
        let write = try Binary.run(["comment", "--project", TestWorkspace.project, "refused"], environment: workspace.environment)
        #expect(write.status == 3, "\(write.stderr)")
        #expect(write.stderr.contains("read-only") && write.stderr.contains("cannot write"), "\(write.stderr)")
        #expect(workspace.bytes(workspace.directory.journalURL) == before, "nothing changed")
        #expect(try WorkspaceStore.verify(workspace.directory, environment: workspace.environment).passed)
    }
}
