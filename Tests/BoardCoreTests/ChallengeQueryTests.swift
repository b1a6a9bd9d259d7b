import BoardCore
import Testing

/// Open challenges by category and severity, and the activity feed.
@Suite struct ChallengeQueryTests {
    private func open(_ board: inout TestBoard, _ category: String, _ severity: Severity, project: String? = Fixture.project) {
        board.run(.openChallenge(NewChallenge(
            project: project, category: category, severity: severity, owner: nil, title: "\(category) \(severity)")),
            as: Fixture.scientist)
    }

    @Test func openChallengesByCategoryFollowTheConfigurationOrderAndSkipEmptyOnes() {
        var board = TestBoard.standard()
        open(&board, "data drift", .high)
        open(&board, "low data quality", .low)
        open(&board, "data drift", .critical, project: nil)
        open(&board, "data silos", .medium)
        board.run(.moveChallenge(id: "CH-4", to: .wontFix, note: "accepted"), as: Fixture.scientist)
        open(&board, "ethical concerns", .medium)
        board.run(.moveChallenge(id: "CH-5", to: .inProgress, note: nil), as: Fixture.scientist)

        let byCategory = board.state.openChallengesByCategory
        let order = board.config.challengeCategories.map(\.name)
        #expect(byCategory.map(\.category) == ["low data quality", "ethical concerns", "data drift"])
        #expect(byCategory.map(\.category) == byCategory.map(\.category).sorted {
            order.firstIndex(of: $0)! < order.firstIndex(of: $1)!
        })
        #expect(byCategory.map(\.count) == [1, 1, 2])
        #expect(board.state.openChallengesBySeverity == [.high: 1, .low: 1, .critical: 1, .medium: 1])
    }

    @Test func openChallengesAreBySeverityThenByNumber() {
        var board = TestBoard.standard()
        for _ in 1...11 { open(&board, "data silos", .medium) }
        open(&board, "data drift", .critical)
        open(&board, "data drift", .low)
        let ids = board.state.openChallenges.map(\.id)
        #expect(ids.first == "CH-12")
        #expect(ids.last == "CH-13")
        #expect(Array(ids[1...11]) == (1...11).map { "CH-\($0)" })
    }

    @Test func theActivityFeedShowsTheNewestFirst() {
        var board = TestBoard.standard()
        board.run(.comment(on: .project(Fixture.project), body: "hello"), as: Fixture.officer)
        let feed = board.state.activityFeed(limit: 3)
        #expect(feed.count == 3)
        #expect(feed.first?.actor == Fixture.officer)
        #expect(feed.first?.summary.contains("commented on project \(Fixture.project)") == true)
        #expect(feed.first?.sequence == board.state.lastSequence)
        #expect(feed.map(\.sequence) == feed.map(\.sequence).sorted(by: >))
    }

    @Test func theActivityKeepsOnlyTheNewestEntries() {
        var board = TestBoard.standard()
        for number in 0..<BoardState.activityLimit {
            board.run(.comment(on: .project(Fixture.project), body: "note \(number)"), as: Fixture.officer)
        }
        #expect(board.state.activity.count == BoardState.activityLimit)
        #expect(board.state.activity.last?.sequence == board.state.lastSequence)
        #expect(board.state.activity.first?.sequence == board.state.lastSequence - Int64(BoardState.activityLimit) + 1)
    }
}
