import ArgumentParser
import BoardCore
import BoardStore
import Foundation

/// A writer for the reliability tests: appends COUNT comments on a project, one commit each,
/// and prints "ok SEQUENCE" after each commit is durable, so a test that kills it knows
/// which events were reported as written.
struct DebugAppendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug-append", _superCommandName: MLBoard.commandName, abstract: "Append test comments (for the reliability tests).",
        shouldDisplay: false)

    @OptionGroup var workspace: WorkspaceOptions
    @Option var project: String
    @Option var count = 1
    @Option var tag = "writer"
    @Option(help: "Stop early once this many seconds have passed (the soak test).")
    var seconds: Double?

    func run() throws {
        let store = try workspace.openStore()
        let deadline = seconds.map { Date().addingTimeInterval($0) }
        for index in 1...max(1, count) {
            if let deadline, Date() >= deadline { break }
            let records = try store.execute(
                .comment(on: .project(project), body: "\(tag) \(index)"), as: workspace.actor, now: Instant(Date()))
            for record in records { Console.say("ok \(record.sequence)") }
            fflush(nil)
        }
    }
}
