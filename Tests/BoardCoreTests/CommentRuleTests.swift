import BoardCore
import Testing

@Suite struct CommentRuleTests {
    /// The standard board with a request (PR-1) and a challenge (CH-1), so every kind of target exists.
    private func makeBoard() -> TestBoard {
        var board = TestBoard.standard()
        board.request(Fixture.v1, to: "staging")
        board.run(.openChallenge(NewChallenge(
            project: Fixture.project, category: "data silos", severity: .medium, owner: nil, title: "Silo")),
            as: Fixture.scientist)
        return board
    }

    static let targets: [CommentTarget] = [
        .project(Fixture.project), .version(Fixture.v1), .request("PR-1"), .challenge("CH-1"),
    ]

    @Test(arguments: targets)
    func aCommentOnEachKindOfTargetIsKept(target: CommentTarget) {
        var board = makeBoard()
        board.run(.comment(on: target, body: "first"), as: Fixture.engineer)
        board.run(.comment(on: target, body: "second"), as: Fixture.officer)
        let thread = board.comments(on: target)
        #expect(thread.map(\.body) == ["first", "second"])
        #expect(thread.map(\.author) == [Fixture.engineer, Fixture.officer])
        #expect(thread.map(\.id) == ["CM-1", "CM-2"])
        for other in Self.targets where other != target {
            #expect(board.comments(on: other).isEmpty)
        }
    }

    static let unknownTargets: [(CommentTarget, String)] = [
        (.project("nowhere"), "nowhere"),
        (.version(VersionRef(model: Fixture.model, number: 9)), "9"),
        (.version(VersionRef(model: "no-model", number: 1)), "no-model"),
        (.request("PR-9"), "PR-9"),
        (.challenge("CH-9"), "CH-9"),
    ]

    @Test(arguments: unknownTargets)
    func aCommentOnAnUnknownTargetIsRefused(target: CommentTarget, name: String) {
        makeBoard().expectRefusal(.comment(on: target, body: "hello"), as: Fixture.engineer, rule: .unknownEntity, mentioning: [name])
    }

    @Test func aCommentNeedsABodyWithoutEscapes() {
        let board = makeBoard()
        board.expectRefusal(
            .comment(on: .request("PR-1"), body: " \n"), as: Fixture.engineer, rule: .invalidText, mentioning: ["comment"])
        board.expectRefusal(
            .comment(on: .request("PR-1"), body: "look \u{1B}[5m here"), as: Fixture.engineer,
            rule: .controlCharacters, mentioning: ["comment"])
    }
}
