@testable import BoardStore
import BoardCore
import Foundation
import Testing
import TestSupport

@Suite("A journal copied whole keeps its chain and signatures", .serialized)
struct JournalAdoptionTests {
    @Test("the copy's lines are the original's bytes; every signature verifies there and the state is the same")
    func copyKeepsEverything() throws {
        var team = try SignedTeam()
        defer { team.cleanUp() }
        try team.run(.comment(on: .project(TestWorkspace.project), body: "ana's word"), as: SignedTeam.ana, key: team.anaKey)
        let source = try team.open()
        let lines = try source.journalLines()
        #expect(lines == team.workspace.journalLines)

        let copy = try EmptyWorkspace(beside: team.workspace)
        defer { copy.cleanUp() }
        let target = try copy.open()
        let dry = try target.adoptJournal(lines, dryRun: true)
        #expect(dry.count == Int(source.position.sequence))
        #expect(copy.journalLines.isEmpty, "a dry run writes nothing")
        let records = try target.adoptJournal(lines)
        #expect(records.count == Int(source.position.sequence))
        #expect(copy.journalLines == lines)
        #expect(target.position == source.position)
        let original = try WorkspaceStore.verify(team.workspace.directory, environment: team.workspace.environment)
        let copied = try WorkspaceStore.verify(copy.directory, environment: copy.environment)
        #expect(copied.problems.isEmpty, "\(copied.problems)")
        #expect(copied.signatures == original.signatures)
        #expect(copied.signatures.verified > 0)
        var reopened = try copy.open().state
        reopened.config = source.state.config
        #expect(reopened == source.state)
        // and the copy goes on as the original would: lea signs her next line there
        target.signers = SignedTeam.source(team.leaKey)
        let next = try target.execute(.comment(on: .project(TestWorkspace.project), body: "in the copy"), as: SignedTeam.lea, now: Instant(millis: 99_000_000))
        #expect(next.first?.signature == .verified(fingerprint: try SignedTeam.fingerprint(team.leaKey)))
    }

    @Test("a forged line, a changed byte or a cut line refuses the whole copy and writes nothing; export refuses it too")
    func badJournalsAreRefused() throws {
        let team = try SignedTeam()
        defer { team.cleanUp() }
        let good = team.workspace.journalLines
        let copy = try EmptyWorkspace(beside: team.workspace)
        defer { copy.cleanUp() }

        var changed = good
        let index = try #require(changed.firstIndex(of: UInt8(ascii: "L")))  // in "Lea Lead"
        changed[index] = UInt8(ascii: "M")
        let cut = Array(good.dropLast(10))
        for (what, lines) in [("changed", changed), ("cut", cut)] {
            #expect(throws: JournalCopyRefusal.self, "\(what)") { try copy.open().adoptJournal(lines) }
        }

        let forgedSequence = try team.open().position.sequence + 1
        try team.appendByHand(.retrainRecorded(project: TestWorkspace.project, note: "forged"), as: SignedTeam.ana, signedWith: team.bobKey)
        let forged = team.workspace.journalLines
        let refusal = #expect(throws: JournalCopyRefusal.self) { try copy.open().adoptJournal(forged) }
        #expect(refusal?.description.contains("line \(forgedSequence)") == true, "\(String(describing: refusal))")
        #expect(copy.journalLines.isEmpty)
        #expect(throws: JournalCopyRefusal.self) { try team.open().journalLines() }
    }

    @Test("a line of a newer mlboard refuses the export instead of leaving it out; a torn tail is left out")
    func exportOfNewerLinesAndTornTails() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        let good = workspace.journalLines
        try workspace.writeJournal(good + Array(#"{"actor":{"handle":"lea""#.utf8))
        #expect(try workspace.open().journalLines() == good)
        let store = try workspace.open()
        let body = #"{"actor":{"handle":"lea","osUser":"tester"},"at":9000,"event":{"modelDeployed":{"model":"m"}},"prev":""#
            + store.position.hash + #"","seq":\#(store.position.sequence + 1),"type":"modelDeployed"}"#
        let newer = Array((body.dropLast() + #","hash":""# + JournalLine.hexDigest(Array(body.utf8)) + "\"}\n").utf8)
        try workspace.writeJournal(good + newer)
        let refusal = #expect(throws: JournalCopyRefusal.self) { try workspace.open().journalLines() }
        #expect(refusal?.description.contains("newer mlboard") == true, "\(String(describing: refusal))")
    }

    @Test("only a workspace with no events takes a copy")
    func onlyIntoAnEmptyWorkspace() throws {
        let team = try SignedTeam()
        defer { team.cleanUp() }
        let other = try TestWorkspace()
        defer { other.cleanUp() }
        let before = other.journalLines
        let refusal = #expect(throws: JournalCopyRefusal.self) { try other.open().adoptJournal(team.workspace.journalLines) }
        #expect(refusal?.description.contains("no events yet") == true)
        #expect(other.journalLines == before)
    }
}

/// A workspace with no events, in its own folder and with its own per-user state.
struct EmptyWorkspace {
    let root: URL
    let directory: DataDirectory
    let environment: [String: String]

    init(beside workspace: TestWorkspace) throws {
        root = workspace.root.appendingPathComponent("copy-\(UUID().uuidString.prefix(6))")
        directory = DataDirectory(root.appendingPathComponent("data"))
        var environment = workspace.environment
        environment["XDG_STATE_HOME"] = root.appendingPathComponent("state").path
        environment["XDG_CACHE_HOME"] = root.appendingPathComponent("cache").path
        environment["MLBOARD_DIR"] = directory.path
        self.environment = environment
        try WorkspaceStore.create(at: directory, config: .defaults(name: "Copy"), environment: environment)
    }

    func open() throws -> WorkspaceStore { try WorkspaceStore.open(directory, environment: environment) }

    var journalLines: [UInt8] {
        Array((FileManager.default.contents(atPath: directory.journalURL.path) ?? Data()).prefix { $0 != 0 })
    }

    func cleanUp() { try? FileManager.default.removeItem(at: root) }
}
