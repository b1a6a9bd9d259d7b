@testable import BoardStore
import BoardCore
import Foundation
import Testing
import TestSupport

@Suite("Signed journal", .serialized)
struct SignedJournalTests {
    @Test func everyCommandSignsAndEveryReaderVerifies() throws {
        var team = try SignedTeam()
        defer { team.cleanUp() }
        let agentFolder = try SSHTestFolder()
        defer { agentFolder.cleanUp() }
        let agent = try TestAgent(folder: agentFolder)
        defer { agent.stop() }
        let guarded = try agentFolder.makeKey("ed25519", name: "ana-guarded", passphrase: "correct horse")
        try agent.add(team.anaKey, folder: agentFolder)
        try agent.add(guarded, passphrase: "correct horse", folder: agentFolder)

        try team.run(.comment(on: .project(TestWorkspace.project), body: "by file"), as: SignedTeam.lea, key: team.leaKey)
        let byAgent = try team.open()  // no key file: the agent's key registered to ana
        byAgent.signers = KeyChoice(keyFile: nil, environment: agent.environment)
        try byAgent.execute(.comment(on: .project(TestWorkspace.project), body: "through the agent"), as: SignedTeam.ana, now: Instant(millis: 90_000_000))
        try team.run(.comment(on: .project(TestWorkspace.project), body: "through ssh-keygen"), as: SignedTeam.bob, key: team.bobKey)
        try team.run(.addKey(handle: "ana", fingerprint: try SignedTeam.fingerprint(guarded), publicKey: try SignedTeam.publicKey(guarded)),
                     as: SignedTeam.ana, key: team.anaKey, environment: agent.environment)
        // the passphrase-protected key file signs through the agent that holds it
        let store = try team.open()
        store.signers = KeyChoice(keyFile: (guarded, "--key"), environment: agent.environment)
        try store.execute(.comment(on: .project(TestWorkspace.project), body: "agent, no file"), as: SignedTeam.ana, now: Instant(millis: 99_000_000))

        let reader = try team.openAsNewcomer()
        #expect(reader.refusedLine == nil && !reader.isReadOnly)
        #expect(reader.state.signing.policy == .required)
        let records = try reader.allRecords()
        let signedPart = records.filter { $0.sequence > reader.state.signing.policySince }
        #expect(signedPart.count == 5)
        #expect(signedPart.allSatisfy { $0.signature.isVerified }, "\(signedPart.map { $0.signature })")
        #expect(signedPart.last?.signature.fingerprint == (try SignedTeam.fingerprint(guarded)))
        #expect(reader.state.activity.suffix(5).allSatisfy { $0.signature.isVerified })
        // the same state replays from the journal, whatever the reader
        var writerState = store.state
        var readerState = reader.state
        writerState.config = readerState.config
        readerState.config = writerState.config
        #expect(writerState == readerState)
    }

    @Test func actingAsSomeoneWithoutTheirKeyWritesNothing() throws {
        var team = try SignedTeam()
        defer { team.cleanUp() }
        let before = team.workspace.journalLines
        #expect(throws: SigningRefusal.self) {
            try team.run(.comment(on: .project(TestWorkspace.project), body: "I am ana"), as: SignedTeam.ana, key: team.bobKey)
        }
        let refusal = #expect(throws: SigningRefusal.self) {
            try team.run(.comment(on: .project(TestWorkspace.project), body: "no key"), as: SignedTeam.ana, key: nil)
        }
        #expect(refusal?.message.contains(try SignedTeam.fingerprint(team.anaKey)) == true, "names ana's registered key")
        #expect(team.workspace.journalLines == before)
    }

    @Test func forgedLinesAreNamedAndStopWrites() throws {
        for forger in [Optional("bob"), nil] {
            let team = try SignedTeam(name: "forged\(forger ?? "unsigned")")
            defer { team.cleanUp() }
            let forgedSequence = try team.open().position.sequence + 1
            try team.appendByHand(.retrainRecorded(project: TestWorkspace.project, note: "forged"),
                                  as: SignedTeam.ana, signedWith: forger == nil ? nil : team.bobKey)
            for store in [try team.open(), try team.openAsNewcomer()] {
                #expect(store.refusedLine?.sequence == forgedSequence)
                #expect(store.isReadOnly)
                #expect(throws: StoreError.self) {
                    try store.execute(.comment(on: .project(TestWorkspace.project), body: "after"), as: SignedTeam.lea, now: Instant(millis: 1))
                }
            }
            let report = try WorkspaceStore.verify(team.workspace.directory, environment: team.workspace.environment)
            #expect(report.firstBadSequence == forgedSequence)
            #expect(report.problems.contains { $0.contains("\(forgedSequence)") })
            let findings = try WorkspaceDoctor.examine(team.workspace.directory, environment: team.workspace.environment)
            #expect(findings.contains { $0.problem.contains("journal line \(forgedSequence) is refused") }, "\(findings)")
        }
    }

    @Test func aChainRewrittenWithoutTheAuthorsKeysIsDetected() throws {
        var team = try SignedTeam()
        defer { team.cleanUp() }
        try team.run(.comment(on: .project(TestWorkspace.project), body: "lea's first word"), as: SignedTeam.lea, key: team.leaKey)
        try team.run(.comment(on: .project(TestWorkspace.project), body: "lea's second word"), as: SignedTeam.lea, key: team.leaKey)
        let records = try team.open().allRecords()
        let originals = try lineSignatures(of: team)
        // bob changes lea's first comment and chains every line anew, keeping the signatures he cannot remake
        var rewritten = records
        let target = try #require(rewritten.firstIndex { if case .commented = $0.event { true } else { false } })
        if case .commented(var comment) = rewritten[target].event {
            comment.body = "lea's words, as bob would have them"
            rewritten[target].event = .commented(comment)
        }
        let lines = try JournalLine.encode(rewritten, after: JournalLine.genesisHash) { record, _ in
            originals[Int(record.sequence - 1)]
        }
        try team.workspace.writeJournal(lines.bytes)
        let newcomer = try team.openAsNewcomer()
        #expect(newcomer.refusedLine?.sequence == rewritten[target].sequence)
        #expect(newcomer.isReadOnly)

        // bob makes a whole history of his own, with his key as its root: a pinned client refuses it
        let pinned = try team.open()
        #expect(pinned.rootChange == nil)
        let own = [
            EventRecord(sequence: 1, at: Instant(millis: 1), actor: SignedTeam.bob, event: .stakeholderAdded(
                Stakeholder(handle: "bob", name: "Bob", role: "ML engineer", isLead: true))),
            EventRecord(sequence: 2, at: Instant(millis: 2), actor: SignedTeam.bob, event: .keyAdded(
                handle: "bob", fingerprint: try SignedTeam.fingerprint(team.bobKey), publicKey: try SignedTeam.publicKey(team.bobKey))),
        ]
        let bobSigner = try SSHSignerChoice.signer(forKeyFile: team.bobKey)
        let history = try JournalLine.encode(own, after: JournalLine.genesisHash) { _, hash in try bobSigner.sign(Array(hash.utf8)) }
        try team.workspace.writeJournal(history.bytes)
        try? FileManager.default.removeItem(at: team.workspace.snapshotURL)
        try? FileManager.default.removeItem(at: SeenMarker.files(for: team.workspace.directory, environment: team.workspace.environment).marker)
        let fooled = try team.open()
        #expect(fooled.state.signing.root == (try SignedTeam.fingerprint(team.bobKey)))
        #expect(fooled.rootChange?.contains(try SignedTeam.fingerprint(team.leaKey)) == true)
        #expect(fooled.isReadOnly)
    }

    @Test func aRevokedKeyKeepsItsEarlierLinesAndLosesItsLaterOnes() throws {
        var team = try SignedTeam()
        defer { team.cleanUp() }
        try team.run(.comment(on: .project(TestWorkspace.project), body: "before"), as: SignedTeam.ana, key: team.anaKey)
        let anaFingerprint = try SignedTeam.fingerprint(team.anaKey)
        try team.run(.revokeKey(fingerprint: anaFingerprint), as: SignedTeam.lea, key: team.leaKey)
        #expect(throws: SigningRefusal.self) {
            try team.run(.comment(on: .project(TestWorkspace.project), body: "after"), as: SignedTeam.ana, key: team.anaKey)
        }
        let revokedAt = try team.open().position.sequence
        try team.appendByHand(.retrainRecorded(project: TestWorkspace.project, note: "with a revoked key"), as: SignedTeam.ana, signedWith: team.anaKey)
        let reader = try team.openAsNewcomer()
        let records = try reader.allRecords()
        #expect(records.first { if case .commented = $0.event { $0.actor.handle == "ana" } else { false } }?.signature == .verified(fingerprint: anaFingerprint))
        #expect(reader.refusedLine?.sequence == revokedAt + 1)
        #expect(reader.refusedLine?.reason.contains("revoked at sequence \(revokedAt)") == true)
    }

    @Test func aDeactivatedStakeholdersKeySignsNothingMore() throws {
        var team = try SignedTeam()
        defer { team.cleanUp() }
        try team.run(.deactivateStakeholder(handle: "bob"), as: SignedTeam.lea, key: team.leaKey)
        let deactivatedAt = try team.open().position.sequence
        try team.appendByHand(.retrainRecorded(project: TestWorkspace.project, note: "bob, gone"), as: SignedTeam.bob, signedWith: team.bobKey)
        let reader = try team.openAsNewcomer()
        #expect(reader.refusedLine?.sequence == deactivatedAt + 1)
        #expect(reader.refusedLine?.reason.contains("not an active stakeholder") == true)
    }

    @Test func aRotatedRootIsRefusedUntilAccepted() throws {
        var team = try SignedTeam()
        defer { team.cleanUp() }
        let other = try team.open()  // a colleague's client, which pinned lea's first key
        #expect(other.rootChange == nil)
        let second = try team.keys.makeKey("ed25519", name: "lea-2")
        try team.run(.addKey(handle: "lea", fingerprint: try SignedTeam.fingerprint(second), publicKey: try SignedTeam.publicKey(second)),
                     as: SignedTeam.lea, key: team.leaKey)
        try team.run(.setRootKey(fingerprint: try SignedTeam.fingerprint(second)), as: SignedTeam.lea, key: team.leaKey)
        try other.refresh()
        #expect(other.rootChange != nil)
        #expect(other.isReadOnly)
        let reopened = try team.open()
        #expect(reopened.isReadOnly)
        try reopened.acceptRoot()
        #expect(!reopened.isReadOnly)
        #expect(try team.open().rootChange == nil)
    }

    @Test func aForgedApprovalNeverCompletesTheQuorum() throws {
        for required in [true, false] {
            var team = try SignedTeam(name: "quorum\(required)", requireSignatures: required)
            defer { team.cleanUp() }
            let version = try team.registerVersion()
            try team.run(.requestPromotion(version: version, to: "staging", reason: "ready"), as: SignedTeam.lea, key: team.leaKey)
            try team.run(.approve(request: "PR-1", comment: nil, overrideReason: nil), as: SignedTeam.ana, key: team.anaKey)
            try team.run(.requestPromotion(version: version, to: "production", reason: "ready"), as: SignedTeam.lea, key: team.leaKey)
            // production needs two approvals: one forged for ana with bob's key, then bob's own
            try team.appendByHand(.approvalRecorded(request: "PR-2", Approval(
                by: "ana", at: Instant(millis: 1), comment: nil, overrideReason: nil, failedGates: [])),
                as: SignedTeam.ana, signedWith: team.bobKey)
            if required {
                #expect(throws: StoreError.self) {
                    try team.run(.approve(request: "PR-2", comment: nil, overrideReason: nil), as: SignedTeam.bob, key: team.bobKey)
                }
            } else {
                try team.run(.approve(request: "PR-2", comment: nil, overrideReason: nil), as: SignedTeam.bob, key: team.bobKey)
            }
            let state = try team.openAsNewcomer().state
            #expect(state.versions[version]?.stage == "staging", "required: \(required)")
            #expect(state.requests["PR-2"]?.isOpen == true)
            if let request = state.requests["PR-2"] { #expect(state.countedApprovers(of: request) == (required ? [] : ["bob"])) }
        }
    }

    @Test func manyLinesAreCheckedOnEveryCoreWithTheSameVerdicts() throws {
        let team = try SignedTeam()
        defer { team.cleanUp() }
        let store = try team.open()
        store.signers = SignedTeam.source(team.leaKey)
        try store.execute((0..<(LineChecker.parallelFrom + 60)).map { index in
            PlannedCommand(.comment(on: .project(TestWorkspace.project), body: "line \(index)"), as: SignedTeam.lea, at: Instant(millis: 50_000 + Int64(index)))
        })
        var scan = try JournalReader.scan(try WorkspaceFolder.open(team.workspace.directory.path), from: .start)
        // one signature made over another line's hash: it must fail wherever it is checked
        let forged = scan.signatures.count - 17
        let otherHash = try #require(scan.signatures[forged - 1]?.signedHash)
        scan.signatures[forged]?.signedHash = otherHash
        let checker = LineChecker()
        let together = checker.checkAll(scan.signatures)
        #expect(together == scan.signatures.map(checker.check))
        guard case .checked(_, let rejection?) = together[forged] else {
            Issue.record("the forged line passed: \(together[forged])")
            return
        }
        #expect(!rejection.isEmpty)
        #expect(together.filter { if case .checked(_, nil) = $0 { true } else { false } }.count == scan.signatures.compactMap { $0 }.count - 1)
    }

    /// Each line's signature as written, by sequence number.
    private func lineSignatures(of team: SignedTeam) throws -> [SSHSignature?] {
        let scan = try JournalReader.scan(try WorkspaceFolder.open(team.workspace.directory.path), from: .start)
        return try scan.signatures.map { line in
            try line.map { try SSHSignature(blob: Array(Data(base64Encoded: $0.base64)!)) }
        }
    }
}
