import BoardCore
import Foundation
import Testing

/// A bridge records when it changed something, so the dashboard can say when it last synced.
@Suite struct BridgeSyncRuleTests {
    @Test func aSyncIsRecordedPerBridgeWithItsSequence() {
        var board = TestBoard.standard()
        board.run(.recordBridgeSync(bridge: "mlflow", target: "http://mlflow:5000", pulled: 2, pushed: 0), as: Fixture.scientist)
        board.run(.recordBridgeSync(bridge: "mlflow", target: "http://mlflow:5000", pulled: 0, pushed: 3), as: Fixture.lead)
        let sync = board.state.bridgeSyncs["mlflow"]
        #expect(sync?.pushed == 3 && sync?.pulled == 0 && sync?.by == Fixture.lead)
        #expect(sync?.sequence == board.state.lastSequence)
        #expect(sync?.at == board.now)
        #expect(board.state.activity.last?.summary == "synced mlflow http://mlflow:5000: pushed 3 changes")
    }

    @Test func aSyncNeedsAKnownPersonAndOneLineTarget() {
        let board = TestBoard.standard()
        board.expectRefusal(
            .recordBridgeSync(bridge: "ML flow", target: "http://h", pulled: 1, pushed: 0), as: Fixture.lead, rule: .malformedSlug)
        board.expectRefusal(
            .recordBridgeSync(bridge: "mlflow", target: "http://h\n\u{1b}[2J", pulled: 1, pushed: 0), as: Fixture.lead,
            rule: .controlCharacters)
        board.expectRefusal(
            .recordBridgeSync(bridge: "mlflow", target: "http://h", pulled: -1, pushed: 0), as: Fixture.lead, rule: .invalidText)
        #expect(board.refusal(.recordBridgeSync(bridge: "mlflow", target: "http://h", pulled: 1, pushed: 0), as: "nobody") != nil)
    }
}

extension BridgeSyncRuleTests {
    @Test func theEventLineCarriesNoSequenceButAStateKeepsIt() throws {
        var board = TestBoard.standard()
        let events = board.run(.recordBridgeSync(bridge: "mlflow", target: "http://h", pulled: 1, pushed: 0), as: Fixture.lead)
        let line = String(decoding: try JSONEncoder().encode(events), as: UTF8.self)
        #expect(!line.contains("sequence"))
        let decoded = try JSONDecoder().decode(BoardState.self, from: JSONEncoder().encode(board.state))
        #expect(decoded.bridgeSyncs == board.state.bridgeSyncs)
        #expect(decoded.bridgeSyncs["mlflow"]?.sequence == board.state.lastSequence)
    }
}
