import TestSupport
@testable import BoardStore
import BoardCore
import Foundation
import Glibc
import Testing

/// What a group member can plant in the shared folder to make a colleague's mlboard (here:
/// root's, the most dangerous victim) touch files outside it. Every trick is refused with
/// exit 3 within seconds, and nothing outside the folder changes or appears.
@Suite("Hostile files in the data directory")
struct HostileFileTests {
    /// A workspace with a torn tail ready to cut, and a folder outside it holding a secret.
    struct Scene {
        let workspace: TestWorkspace
        let outside: URL
        let secret: URL

        init(_ name: String) throws {
            workspace = try TestWorkspace(name: name)
            try workspace.comment(2)
            outside = workspace.root.appendingPathComponent("outside")
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            secret = outside.appendingPathComponent("secret")
            try Data("root's secret\n".utf8).write(to: secret)
            chmod(secret.path, 0o600)
        }

        var data: URL { workspace.directory.url }

        /// Every file below `outside`, with its bytes.
        func outsideContents() -> [String: Data] {
            var contents: [String: Data] = [:]
            let names = FileManager.default.enumerator(atPath: outside.path).map { $0.compactMap { $0 as? String } } ?? []
            for name in names { contents[name] = FileManager.default.contents(atPath: outside.appendingPathComponent(name).path) ?? Data() }
            return contents
        }

        func replace(_ name: String, with make: (URL) throws -> Void) throws {
            let path = data.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: path)
            try make(path)
        }

        func run(_ arguments: [String]) throws -> Outcome {
            try Binary.shell("exec timeout -s KILL 5 '\(Binary.mlboard.path)' " + arguments.map { "'\($0)'" }.joined(separator: " "),
                             environment: workspace.environment)
        }

        func cleanUp() { workspace.cleanUp() }
    }

    static let writeCommand = ["comment", "--project", TestWorkspace.project, "planted"]

    @Test("a planted link, FIFO, folder or hard link is refused with exit 3 and touches nothing outside",
          arguments: ["journal-link", "torn-tails-link", "lock-link", "lock-dangling", "journal-fifo", "config-fifo",
                      "journal-folder", "journal-hardlink", "config-link", "presence-link"])
    func planted(trick: String) throws {
        let scene = try Scene("hostile\(trick)")
        defer { scene.cleanUp() }
        let journalCopy = scene.outside.appendingPathComponent("journal-copy")
        try FileManager.default.copyItem(at: scene.workspace.directory.journalURL, to: journalCopy)
        var command = Self.writeCommand
        switch trick {
        case "journal-link":
            try scene.replace("journal.jsonl") { try FileManager.default.createSymbolicLink(at: $0, withDestinationURL: scene.secret) }
        case "torn-tails-link":
            try appendTornTail(scene.workspace)
            let target = scene.outside.appendingPathComponent("rootonly")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            try scene.replace("torn-tails") { try FileManager.default.createSymbolicLink(at: $0, withDestinationURL: target) }
        case "lock-link":
            try scene.replace("lock") { try FileManager.default.createSymbolicLink(at: $0, withDestinationURL: scene.secret) }
        case "lock-dangling":
            try scene.replace("lock") {
                try FileManager.default.createSymbolicLink(at: $0, withDestinationURL: scene.outside.appendingPathComponent("created"))
            }
        case "journal-fifo":
            try scene.replace("journal.jsonl") { #expect(mkfifo($0.path, 0o666) == 0) }
            command = ["status"]
        case "config-fifo":
            try scene.replace("workspace.yml") { #expect(mkfifo($0.path, 0o666) == 0) }
            command = ["status"]
        case "journal-folder":
            try scene.replace("journal.jsonl") { try FileManager.default.createDirectory(at: $0, withIntermediateDirectories: false) }
            command = ["status"]
        case "journal-hardlink":
            try scene.replace("journal.jsonl") { #expect(link(journalCopy.path, $0.path) == 0) }
        case "config-link":
            try scene.replace("workspace.yml") { try FileManager.default.createSymbolicLink(at: $0, withDestinationURL: scene.secret) }
            command = ["status"]
        case "presence-link":
            try scene.replace("presence") { try FileManager.default.createSymbolicLink(at: $0, withDestinationURL: scene.outside) }
            let presence = Presence(directory: scene.workspace.directory, handle: "lea")
            presence.heartbeat()
            #expect(presence.others().isEmpty)
            presence.leave()
        default:
            Issue.record("unknown trick \(trick)")
        }
        let before = scene.outsideContents()
        let outcome = try scene.run(command)
        if trick == "presence-link" {
            #expect(outcome.status == 0, "presence is best effort; the command itself works: \(outcome.stderr)")
        } else {
            #expect(outcome.status == 3, "exit \(outcome.status) (137: it hung): \(outcome.stderr)")
            #expect(outcome.stderr.contains("refusing") && outcome.stderr.contains("doctor"), "\(outcome.stderr)")
        }
        #expect(scene.outsideContents() == before, "nothing outside the folder changed or appeared")
        #expect(!FileManager.default.fileExists(atPath: scene.outside.appendingPathComponent("created").path))
    }

    @Test("doctor names each planted file and what to do; --fix removes a planted lock link and an old snapshot")
    func doctorOnPlantedFiles() throws {
        let scene = try Scene("doctorplanted")
        defer { scene.cleanUp() }
        try scene.replace("lock") { try FileManager.default.createSymbolicLink(at: $0, withDestinationURL: scene.secret) }
        try Data("old".utf8).write(to: scene.data.appendingPathComponent("snapshot.bin"))
        let found = try scene.run(["doctor"])
        #expect(found.status == 3)
        #expect(found.stdout.contains("lock: it is a symbolic link"), "\(found.stdout)")
        #expect(found.stdout.contains("snapshot.bin: snapshots are kept per user"), "\(found.stdout)")
        let fixed = try scene.run(["doctor", "--fix"])
        #expect(fixed.status == 0, "\(fixed.stdout)")
        #expect(FileManager.default.contents(atPath: scene.secret.path) == Data("root's secret\n".utf8))
        #expect(try scene.run(Self.writeCommand).status == 0, "writes work again: the lock note is made anew")
        #expect(try scene.run(["doctor"]).status == 0)
    }

    private func appendTornTail(_ workspace: TestWorkspace) throws {
        let lines = workspace.journalLines
        let journal = try FileHandle(forUpdating: workspace.directory.journalURL)
        defer { try? journal.close() }
        try journal.seek(toOffset: UInt64(lines.count))
        journal.write(Data("{\"torn".utf8))
    }
}
