import TestSupport
@testable import BoardStore
import BoardCore
import Foundation
import Glibc
import Testing

@Suite("Rollback and fork, once seen, stay refused until someone accepts the new head")
struct RollbackAlarmTests {
    static let write = ["comment", "--project", TestWorkspace.project, "after"]

    @Test("a truncated journal and a consistently rewritten chain are detected, refused, and still refused after a restart",
          arguments: ["truncated", "rewritten"])
    func detectedAndKept(change: String) throws {
        let workspace = try TestWorkspace(name: "alarm\(change)")
        defer { workspace.cleanUp() }
        try workspace.comment(3)
        let early = workspace.journalLines
        #expect(try Binary.run(Self.write, environment: workspace.environment).status == 0, "this machine sees sequence 6")
        if change == "truncated" {
            try workspace.writeJournal(early)
        } else {
            try workspace.writeJournal(try rewrittenChain(workspace))
        }
        let word = change == "truncated" ? "ROLLED BACK" : "FORKED"
        let refused = try Binary.run(Self.write, environment: workspace.environment)
        #expect(refused.status == 3 && refused.stderr.contains(word) && refused.stderr.contains("accept-head"), "\(refused.stderr)")
        for _ in 0..<2 {  // every later command, in a new process, still refuses
            let again = try Binary.run(Self.write, environment: workspace.environment)
            #expect(again.status == 3 && again.stderr.contains(word), "\(again.stderr)")
        }
        let status = try Binary.run(["status"], environment: workspace.environment)
        #expect(status.status == 0, "reading still works")
        let verify = try Binary.run(["verify"], environment: workspace.environment)
        #expect(verify.status == 3 && verify.stdout.contains(word) && verify.stdout.contains("this machine last saw: sequence 6"),
                "\(verify.stdout) \(verify.stderr)")

        let accepted = try Binary.run(["verify", "--accept-head"], environment: workspace.environment)
        #expect(accepted.status == 0, "\(accepted.stdout) \(accepted.stderr)")
        #expect(accepted.stderr.contains("accepted the journal's head"))
        #expect(try Binary.run(Self.write, environment: workspace.environment).status == 0, "writes go through again")
        let log = SeenMarker.files(for: workspace.directory, environment: workspace.environment).acceptances
        let recorded = try String(contentsOf: log, encoding: .utf8)
        #expect(recorded.contains("accepted the head at sequence") && recorded.contains(word), "\(recorded)")
    }

    @Test("a workspace made anew where an old one was deleted is not taken for a rollback")
    func newWorkspaceAtAnOldPath() throws {
        let workspace = try TestWorkspace(name: "alarmnew")
        defer { workspace.cleanUp() }
        try workspace.comment(3)
        try FileManager.default.removeItem(at: workspace.directory.url)
        let made = try Binary.run(["init", "--dir", workspace.directory.path], environment: workspace.environment)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(!made.stderr.contains("ROLLED BACK"))
        #expect(try workspace.open().readOnlyReason == nil)
    }

    @Test("a running process whose journal is cut under it refuses to write and raises the alarm for the next")
    func cutUnderARunningWriter() throws {
        let workspace = try TestWorkspace(name: "alarmrunning")
        defer { workspace.cleanUp() }
        try workspace.comment(2)
        let early = workspace.journalLines
        let store = try workspace.open()
        try store.execute(.comment(on: .project(TestWorkspace.project), body: "seen"), as: TestWorkspace.lead, now: Instant(millis: 5_000))
        try workspace.writeJournal(early)
        #expect(throws: StoreError.self) {
            try store.execute(.comment(on: .project(TestWorkspace.project), body: "refused"), as: TestWorkspace.lead, now: Instant(millis: 6_000))
        }
        #expect(workspace.journalLines == early, "nothing was cut or written")
        let next = try workspace.open()
        #expect(next.readOnlyReason?.contains("accept-head") == true, "\(next.readOnlyReason ?? "writable")")
    }

    @Test("a reader (a dashboard) whose journal is cut or rewritten under it raises the alarm at its next look",
          arguments: ["truncated", "rewritten"])
    func changedUnderAReader(change: String) throws {
        let workspace = try TestWorkspace(name: "alarmreader\(change)")
        defer { workspace.cleanUp() }
        try workspace.comment(3)
        let early = workspace.journalLines
        let reader = try workspace.open()
        try workspace.comment(1, tag: "later")
        #expect(try reader.refresh().count == 1)
        try workspace.writeJournal(change == "truncated" ? early : try rewrittenChain(workspace))
        #expect(throws: StoreError.self) { try reader.refresh() }
        #expect(reader.readOnlyReason?.contains("accept-head") == true, "\(reader.readOnlyReason ?? "writable")")
        #expect(try workspace.open().readOnlyReason?.contains("accept-head") == true, "the next process knows too")
    }

    @Test("8 and 16 concurrent writers of one user: not one rollback or fork warning", arguments: [8, 16])
    func noFalseAlarms(writers: Int) throws {
        let workspace = try TestWorkspace(name: "alarmquiet\(writers)")
        defer { workspace.cleanUp() }
        let started = try (0..<writers).map { index in
            try Binary.start(URL(fileURLWithPath: "/bin/sh"), ["-c", """
                for i in 1 2 3 4 5 6; do '\(Binary.mlboard.path)' comment --project \(TestWorkspace.project) "w\(index) $i" || exit 1; done
                """], environment: workspace.environment)
        }
        for outcome in started.map(Binary.finish) {
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(!outcome.stderr.contains("ROLLED BACK") && !outcome.stderr.contains("FORKED"), "\(outcome.stderr)")
        }
        let verify = try Binary.run(["verify"], environment: workspace.environment)
        #expect(verify.status == 0, "\(verify.stdout)")
    }

    /// The same history with one comment changed and every hash after it made anew: what
    /// someone with write access and no scruples can produce.
    private func rewrittenChain(_ workspace: TestWorkspace) throws -> [UInt8] {
        var records = try workspace.open().allRecords()
        guard let index = records.firstIndex(where: { if case .commented = $0.event { true } else { false } }),
              case .commented(var comment) = records[index].event else { throw Failure("no comment to rewrite") }
        comment.body = "history, as someone would rather have it"
        records[index].event = .commented(comment)
        return try JournalLine.encode(records, after: JournalLine.genesisHash).bytes
    }
}
