import ArgumentParser
import BoardCore
import BoardStore
import Foundation

/// A reader for the soak test: follows the journal two ways at once, by `refresh` of a store
/// and by a `JournalFollower` folding records into its own state, until the file STOP exists;
/// then catches up to the end and writes both states as JSON to OUT.store.json and OUT.follower.json.
struct DebugFollowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug-follow", _superCommandName: MLBoard.commandName, abstract: "Follow the journal until a stop file appears (for the reliability tests).",
        shouldDisplay: false)

    @OptionGroup var workspace: WorkspaceOptions
    @Option var stop: String
    @Option var out: String

    func run() throws {
        let store = try workspace.openFolderStore(for: "debug follow")
        let followed = FollowedState(store.state)
        let follower = JournalFollower(directory: store.directory, after: store.position, pollInterval: 0.05) { records in
            followed.apply(records)
        }
        follower.start()
        while !FileManager.default.fileExists(atPath: stop) {
            try store.refresh()
            usleep(2_000)
        }
        try store.refresh()
        let deadline = Date().addingTimeInterval(10)
        while followed.lastSequence < store.state.lastSequence && Date() < deadline { usleep(2_000) }
        follower.stop()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(store.state).write(to: URL(fileURLWithPath: out + ".store.json"))
        try encoder.encode(followed.snapshot).write(to: URL(fileURLWithPath: out + ".follower.json"))
        Console.say("refreshes reached \(store.state.lastSequence); follower reached \(followed.lastSequence)")
    }
}

/// State folded from the follower's records, on the watcher's thread.
private final class FollowedState: @unchecked Sendable {
    private let lock = NSLock()
    private var state: BoardState

    init(_ state: BoardState) { self.state = state }

    func apply(_ records: [EventRecord]) {
        lock.withLock { for record in records { BoardCore.apply(record, to: &state) } }
    }

    var lastSequence: Int64 { lock.withLock { state.lastSequence } }
    var snapshot: BoardState { lock.withLock { state } }
}
