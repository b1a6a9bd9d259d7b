@testable import BoardStore
import BoardCore
import Foundation
import Testing
import TestSupport

@Suite("Comments after a refused line")
struct RefusedCommentTests {
    @Test("comments read on demand stop before a refused line, as the state does, and the cached index never holds them")
    func nothingAfterARefusedLine() throws {
        var team = try SignedTeam()
        defer { team.cleanUp() }
        let target = CommentTarget.project(TestWorkspace.project)
        try team.run(.comment(on: target, body: "accepted"), as: SignedTeam.lea, key: team.leaKey)
        let head = try team.open().position
        // An unsigned comment where signatures are required, then a well signed one after it.
        let forged = EventRecord(sequence: head.sequence + 1, at: Instant(millis: 1), actor: SignedTeam.ana, event: .commented(
            Comment(id: "CM-90", target: target, author: "ana", at: Instant(millis: 1), body: "forged")))
        let forgedLine = try JournalLine.encode(forged, previousHash: head.hash)
        let after = EventRecord(sequence: forged.sequence + 1, at: Instant(millis: 2), actor: SignedTeam.lea, event: .commented(
            Comment(id: "CM-91", target: target, author: "lea", at: Instant(millis: 2), body: "after the refused line")))
        let signer = try SSHSignerChoice.signer(forKeyFile: team.leaKey)
        let afterLine = try JournalLine.encode(after, previousHash: forgedLine.hash) { _, hash in try signer.sign(Array(hash.utf8)) }
        try team.workspace.writeJournal(team.workspace.journalLines + forgedLine.bytes + afterLine.bytes)

        let reader = try team.open()
        #expect(reader.refusedLine?.sequence == forged.sequence)
        try reader.writeSnapshot()  // a private cache: written for a read-only workspace too, index and all
        for store in [reader, try team.open(), try team.openAsNewcomer()] {
            let bodies = try store.comments(on: target).map(\.body)
            #expect(bodies.contains("accepted"))
            #expect(!bodies.contains("forged") && !bodies.contains("after the refused line"), "\(bodies)")
            #expect(try !store.allComments().contains { ["CM-90", "CM-91"].contains($0.id) })
        }
    }
}
