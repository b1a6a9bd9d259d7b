import TestSupport
import BoardCore
import BoardStore
import Foundation
import Testing

@Suite("Finding, configuring and protecting the data directory")
struct DirectoryTests {
    @Test("--dir wins, then MLBOARD_DIR, then the nearest .mlboard folder above")
    func locate() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-locate-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: root) }
        let nested = root.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("a/.mlboard"), withIntermediateDirectories: true)
        #expect(DataDirectory.locate(explicit: "/x/y", environment: ["MLBOARD_DIR": "/z"], start: nested)?.path == "/x/y")
        #expect(DataDirectory.locate(explicit: nil, environment: ["MLBOARD_DIR": "/z"], start: nested)?.path == "/z")
        #expect(DataDirectory.locate(explicit: nil, environment: [:], start: nested)?.path
            == root.appendingPathComponent("a/.mlboard").standardizedFileURL.path)
        #expect(DataDirectory.locate(explicit: nil, environment: [:], start: URL(fileURLWithPath: "/proc/self")) == nil)
    }

    @Test("identity is --as, else MLBOARD_USER, else the OS login")
    func identity() {
        #expect(Identity.resolve(explicit: "ann", environment: ["MLBOARD_USER": "bob"]).handle == "ann")
        #expect(Identity.resolve(explicit: nil, environment: ["MLBOARD_USER": "bob"]).handle == "bob")
        let os = Identity.osUser(environment: [:])
        #expect(Identity.resolve(explicit: nil, environment: [:]).handle == os)
    }

    @Test("a configuration that does not parse names the file and the field")
    func badConfiguration() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        var text = try String(contentsOf: workspace.directory.configURL, encoding: .utf8)
        text = text.replacingOccurrences(of: "schemaVersion: 1", with: "schemaVersion: one")
        try Data(text.utf8).write(to: workspace.directory.configURL)
        do {
            _ = try workspace.open()
            Issue.record("opened a workspace with a bad configuration")
        } catch let error as StoreError {
            #expect(error.description.contains("workspace.yml"))
            #expect(error.description.contains("schemaVersion"))
        }
    }

    @Test("a configuration whose policy names a missing stage is refused with the field")
    func inconsistentConfiguration() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        var text = try String(contentsOf: workspace.directory.configURL, encoding: .utf8)
        text = text.replacingOccurrences(of: "productionStage: production", with: "productionStage: prod")
        try Data(text.utf8).write(to: workspace.directory.configURL)
        #expect(throws: StoreError.badConfiguration(file: "workspace.yml", reason: "policy.productionStage: 'prod' is not one of stages")) {
            try workspace.open()
        }
    }

    @Test("a newer schema opens read-only, says why, and refuses writes without changing anything")
    func newerSchemaIsReadOnly() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        var text = try String(contentsOf: workspace.directory.configURL, encoding: .utf8)
        text = text.replacingOccurrences(of: "schemaVersion: 1", with: "schemaVersion: 99")
        try Data(text.utf8).write(to: workspace.directory.configURL)
        let store = try workspace.open()
        #expect(store.isReadOnly)
        #expect(store.readOnlyReason?.contains("99") == true)
        let before = workspace.journalBytes
        #expect(throws: StoreError.self) {
            try store.execute(.comment(on: .project(TestWorkspace.project), body: "x"), as: TestWorkspace.lead, now: Instant(millis: 5))
        }
        #expect(workspace.journalBytes == before)
    }

    @Test("a directory the user cannot write opens read-only", .enabled(if: geteuid() != 0, "root may write anywhere"))
    func unwritableDirectory() throws {
        let workspace = try TestWorkspace()
        defer {
            chmod(workspace.directory.path, 0o755)
            workspace.cleanUp()
        }
        chmod(workspace.directory.journalURL.path, 0o444)
        chmod(workspace.directory.path, 0o555)
        let store = try workspace.open()
        #expect(store.isReadOnly)
        #expect(store.readOnlyReason?.contains("cannot write") == true)
    }

    @Test("a rolled-back journal is reported loudly")
    func rollbackWarning() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        try workspace.comment(3)
        let full = workspace.journalBytes
        _ = try workspace.open()
        let lines = full.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        try workspace.writeJournal(lines.prefix(3).flatMap { Array($0) + [UInt8(ascii: "\n")] })
        let reopened = try workspace.open()
        #expect(reopened.warnings.contains { $0.contains("ROLLED BACK") && $0.contains("sequence 5") })
    }

    @Test("a journal replaced by another history of the same length is reported as forked")
    func forkWarning() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        try workspace.comment(2, tag: "original")
        _ = try workspace.open()
        let other = try TestWorkspace(name: "forkother")
        defer { other.cleanUp() }
        try other.comment(2, tag: "forged")
        try workspace.writeJournal(other.journalBytes)
        let reopened = try workspace.open()
        #expect(reopened.warnings.contains { $0.contains("FORKED") })
    }
}
