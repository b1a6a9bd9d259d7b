import TestSupport
@testable import BoardStore
import BoardCore
import BoardDemo
import Foundation
import Testing

@Suite("A line from a newer mlboard")
struct NewerWriterTests {
    @Test("an unknown event type with a valid checksum at the tail: never cut, read-only with the reason")
    func unknownEventAtTheTail() throws {
        let workspace = try TestWorkspace(name: "newer")
        defer { workspace.cleanUp() }
        try workspace.comment(2)
        let store = try workspace.open()
        let line = newerLine(sequence: store.position.sequence + 1, previous: store.position.hash)
        try workspace.writeJournal(workspace.journalLines + line)
        let before = workspace.journalBytes
        let reason = "written by a newer mlboard (event type modelDeployed at seq \(store.position.sequence + 1)); upgrade to write"

        let write = try Binary.run(["comment", "--project", TestWorkspace.project, "x"], environment: workspace.environment)
        #expect(write.status == 3 && write.stderr.contains(reason), "\(write.stderr)")
        #expect(workspace.journalBytes == before, "the line is never cut")
        let status = try Binary.run(["status"], environment: workspace.environment)
        #expect(status.status == 0, "reading what this build knows still works: \(status.stderr)")
        let verify = try Binary.run(["verify"], environment: workspace.environment)
        #expect(verify.status == 3 && verify.stdout.contains("modelDeployed"), "\(verify.stdout)")

        let reopened = try workspace.open()
        #expect(reopened.readOnlyReason == reason)
        #expect(reopened.position == store.position)
    }

    @Test("a running writer that meets a newer line refuses and leaves it, instead of writing over it")
    func runningWriterMeetsANewerLine() throws {
        let workspace = try TestWorkspace(name: "newerrunning")
        defer { workspace.cleanUp() }
        try workspace.comment(1)
        let store = try workspace.open()
        try workspace.writeJournal(workspace.journalLines + newerLine(sequence: store.position.sequence + 1, previous: store.position.hash))
        let before = workspace.journalBytes
        #expect(throws: StoreError.self) {
            try store.execute(.comment(on: .project(TestWorkspace.project), body: "x"), as: TestWorkspace.lead, now: Instant(millis: 9_000))
        }
        #expect(workspace.journalBytes == before)
        #expect(store.readOnlyReason?.contains("newer mlboard") == true)
    }

    @Test("a whole line whose chain is broken is damage, not a torn tail")
    func checksummedLineIsNeverTorn() throws {
        let workspace = try TestWorkspace(name: "brokenchain")
        defer { workspace.cleanUp() }
        try workspace.comment(2)
        let store = try workspace.open()
        let forged = try JournalLine.encode(
            EventRecord(sequence: store.position.sequence + 1, at: Instant(millis: 9_000), actor: TestWorkspace.lead,
                        event: .retrainRecorded(project: TestWorkspace.project, note: "forged")),
            previousHash: String(repeating: "a", count: 64))
        try workspace.writeJournal(workspace.journalLines + forged.bytes)
        let before = workspace.journalBytes
        let write = try Binary.run(["comment", "--project", TestWorkspace.project, "x"], environment: workspace.environment)
        #expect(write.status == 3 && write.stderr.contains("chain is broken"), "\(write.stderr)")
        #expect(workspace.journalBytes == before)
    }

    @Test("every event this build writes has a type it knows")
    func knownTypes() throws {
        let (records, _) = DemoWorkspace.build()
        let kinds = Set(records.map(\.event.typeName))
        #expect(kinds.count > 15 && kinds.isSubset(of: Event.knownTypeNames), "\(kinds.subtracting(Event.knownTypeNames))")
    }

    /// A line as a newer build would write it: its own event type, a correct chain and checksum.
    private func newerLine(sequence: Int64, previous: String) -> [UInt8] {
        let body = #"{"actor":{"handle":"lea","osUser":"tester"},"at":9000,"event":{"modelDeployed":{"model":"churn-model","target":"prod"}},"prev":""#
            + previous + #"","seq":\#(sequence),"type":"modelDeployed"}"#
        let hash = JournalLine.hexDigest(Array(body.utf8))
        return Array((body.dropLast() + #","hash":""# + hash + "\"}\n").utf8)
    }
}
