import BoardCore
import Testing

@Suite struct ChallengeRuleTests {
    private func open(
        _ board: inout TestBoard, project: String? = Fixture.project, severity: Severity = .high,
        owner: String? = Fixture.engineer
    ) -> String {
        let events = board.run(.openChallenge(NewChallenge(
            project: project, category: "low data quality", severity: severity, owner: owner, title: "Bad labels",
            description: "about 8% of labels\nare wrong")), as: Fixture.scientist)
        guard case .challengeOpened(let challenge)? = events.first else {
            Issue.record("expected challengeOpened, got \(events)")
            return "CH-?"
        }
        return challenge.id
    }

    /// A fresh challenge walked to `status` through allowed moves.
    private func challenge(in status: ChallengeStatus) -> (TestBoard, String) {
        var board = TestBoard.standard()
        let id = open(&board)
        let path: [ChallengeStatus] = switch status {
        case .open: []
        case .inProgress: [.inProgress]
        case .mitigated: [.mitigated]
        case .resolved: [.resolved]
        case .wontFix: [.wontFix]
        }
        for step in path { board.run(.moveChallenge(id: id, to: step, note: "settled"), as: Fixture.engineer) }
        #expect(board.state.challenges[id]?.status == status)
        return (board, id)
    }

    @Test func openingAChallengeRecordsItOpen() {
        var board = TestBoard.standard()
        let id = open(&board, severity: .critical)
        let challenge = board.state.challenges[id]
        #expect(id == "CH-1")
        #expect(challenge?.status == .open)
        #expect(challenge?.severity == .critical)
        #expect(challenge?.openedBy == Fixture.scientist)
        #expect(challenge?.openedAt == board.now)
        #expect(challenge?.owner == Fixture.engineer)
        #expect(challenge?.description == "about 8% of labels\nare wrong")
        #expect(open(&board) == "CH-2")
    }

    @Test func anOrganisationWideChallengeHasNoProject() {
        var board = TestBoard.standard()
        let id = open(&board, project: nil, owner: nil)
        #expect(board.state.challenges[id]?.project == nil)
        #expect(board.state.challenges[id]?.owner == nil)
    }

    @Test func openingRefusesUnknownCategoryProjectOwnerAndBadTitles() {
        var board = TestBoard.standard()
        board.expectRefusal(
            .openChallenge(NewChallenge(project: Fixture.project, category: "gremlins", severity: .low, owner: nil, title: "t")),
            as: Fixture.scientist, rule: .unknownVocabulary, mentioning: ["category", "gremlins"])
        board.expectRefusal(
            .openChallenge(NewChallenge(project: "nowhere", category: "data silos", severity: .low, owner: nil, title: "t")),
            as: Fixture.scientist, rule: .unknownEntity, mentioning: ["nowhere"])
        board.expectRefusal(
            .openChallenge(NewChallenge(project: nil, category: "data silos", severity: .low, owner: "ghost", title: "t")),
            as: Fixture.scientist, rule: .unknownEntity, mentioning: ["ghost"])
        board.expectRefusal(
            .openChallenge(NewChallenge(project: nil, category: "data silos", severity: .low, owner: nil, title: " ")),
            as: Fixture.scientist, rule: .invalidName, mentioning: ["challenge title"])
        board.expectRefusal(
            .openChallenge(NewChallenge(project: nil, category: "data silos", severity: .low, owner: nil, title: "a\nb")),
            as: Fixture.scientist, rule: .controlCharacters, mentioning: ["challenge title"])
        board.run(.deactivateStakeholder(handle: Fixture.officer), as: Fixture.lead)
        board.expectRefusal(
            .openChallenge(NewChallenge(project: nil, category: "data silos", severity: .low, owner: Fixture.officer, title: "t")),
            as: Fixture.scientist, rule: .notAStakeholder, mentioning: [Fixture.officer])
        board.run(.archiveProject(slug: Fixture.otherProject), as: Fixture.lead)
        board.expectRefusal(
            .openChallenge(NewChallenge(project: Fixture.otherProject, category: "data silos", severity: .low, owner: nil, title: "t")),
            as: Fixture.scientist, rule: .projectArchived, mentioning: [Fixture.otherProject])
    }

    // MARK: Status moves

    /// The moves the domain allows: work starts, eases, settles, and anything settled may reopen.
    static let allowedMoves: [(ChallengeStatus, ChallengeStatus)] = [
        (.open, .inProgress), (.open, .mitigated), (.open, .resolved), (.open, .wontFix),
        (.inProgress, .open), (.inProgress, .mitigated), (.inProgress, .resolved), (.inProgress, .wontFix),
        (.mitigated, .open), (.mitigated, .inProgress), (.mitigated, .resolved),
        (.resolved, .open), (.wontFix, .open),
    ]

    static let refusedMoves: [(ChallengeStatus, ChallengeStatus)] = [
        (.open, .open), (.inProgress, .inProgress), (.mitigated, .mitigated), (.mitigated, .wontFix),
        (.resolved, .resolved), (.resolved, .inProgress), (.resolved, .mitigated), (.resolved, .wontFix),
        (.wontFix, .wontFix), (.wontFix, .inProgress), (.wontFix, .mitigated), (.wontFix, .resolved),
    ]

    @Test func theMoveTablesCoverEveryPair() {
        let covered = Set((Self.allowedMoves + Self.refusedMoves).map { "\($0.0.rawValue)>\($0.1.rawValue)" })
        #expect(covered.count == ChallengeStatus.allCases.count * ChallengeStatus.allCases.count)
    }

    @Test(arguments: allowedMoves)
    func allowedStatusMovesAreAccepted(from: ChallengeStatus, to: ChallengeStatus) {
        var (board, id) = challenge(in: from)
        board.run(.moveChallenge(id: id, to: to, note: "how it went"), as: Fixture.engineer)
        #expect(board.state.challenges[id]?.status == to)
        #expect(board.state.challenges[id]?.updatedAt == board.now)
    }

    @Test(arguments: refusedMoves)
    func otherStatusMovesAreRefused(from: ChallengeStatus, to: ChallengeStatus) {
        let (board, id) = challenge(in: from)
        board.expectRefusal(
            .moveChallenge(id: id, to: to, note: "how it went"), as: Fixture.engineer, rule: .statusMove,
            mentioning: [id, from.rawValue, to.rawValue])
    }

    @Test(arguments: [ChallengeStatus.resolved, .wontFix], [String?.none, "", "  \n "])
    func closingNeedsANote(status: ChallengeStatus, note: String?) {
        let (board, id) = challenge(in: .open)
        board.expectRefusal(
            .moveChallenge(id: id, to: status, note: note), as: Fixture.engineer, rule: .noteRequired,
            mentioning: [id, status.rawValue])
    }

    @Test func theClosingNoteIsKeptAndReopeningClearsIt() {
        var (board, id) = challenge(in: .open)
        board.run(.moveChallenge(id: id, to: .resolved, note: "relabelled with the vendor"), as: Fixture.engineer)
        #expect(board.state.challenges[id]?.resolution == "relabelled with the vendor")
        board.run(.moveChallenge(id: id, to: .open, note: nil), as: Fixture.engineer)
        #expect(board.state.challenges[id]?.resolution == nil)
        #expect(board.state.challenges[id]?.status == .open)
    }

    @Test func movesWithoutNoteNeedNoNote() {
        var (board, id) = challenge(in: .open)
        board.run(.moveChallenge(id: id, to: .mitigated, note: nil), as: Fixture.engineer)
        #expect(board.state.challenges[id]?.status == .mitigated)
    }

    @Test func movingAnUnknownChallengeIsRefused() {
        let board = TestBoard.standard()
        board.expectRefusal(
            .moveChallenge(id: "CH-77", to: .inProgress, note: nil), as: Fixture.engineer, rule: .unknownEntity,
            mentioning: ["CH-77"])
    }

    // MARK: Edits

    @Test func editingChangesOnlyTheGivenFieldsAndAnEmptyOwnerClearsIt() {
        var board = TestBoard.standard()
        let id = open(&board)
        board.advance(days: 1)
        board.run(.editChallenge(id: id, ChallengeEdit(severity: .critical, owner: "")), as: Fixture.scientist)
        let challenge = board.state.challenges[id]
        #expect(challenge?.severity == .critical)
        #expect(challenge?.owner == nil)
        #expect(challenge?.title == "Bad labels")
        #expect(challenge?.updatedAt == board.now)
        #expect(challenge?.openedAt != board.now)
    }

    @Test func editingRefusesNothingToChangeUnknownCategoryAndUnknownOwner() {
        var board = TestBoard.standard()
        let id = open(&board)
        board.expectRefusal(.editChallenge(id: id, ChallengeEdit()), as: Fixture.scientist, rule: .nothingToChange, mentioning: [id])
        board.expectRefusal(
            .editChallenge(id: id, ChallengeEdit(category: "gremlins")), as: Fixture.scientist,
            rule: .unknownVocabulary, mentioning: ["gremlins"])
        board.expectRefusal(
            .editChallenge(id: id, ChallengeEdit(owner: "ghost")), as: Fixture.scientist, rule: .unknownEntity,
            mentioning: ["ghost"])
        board.expectRefusal(
            .editChallenge(id: "CH-99", ChallengeEdit(title: "x")), as: Fixture.scientist, rule: .unknownEntity,
            mentioning: ["CH-99"])
    }
}
