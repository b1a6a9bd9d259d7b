import BoardCore
import BoardDemo
import BoardStore
import Foundation

/// Workspaces the benchmarks run on, made the way a team would make them.
enum Fixtures {
    static let actor = Actor(handle: DemoWorkspace.leadHandle, osUser: "bench")
    static let project = DemoWorkspace.overdueProject

    /// Environment for children: a private seen-marker folder.
    static func environment(_ scratch: Scratch) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_STATE_HOME"] = scratch.url("state").path
        environment["XDG_CACHE_HOME"] = scratch.url("cache").path
        environment["MLBOARD_USER"] = actor.handle
        environment.removeValue(forKey: "MLBOARD_FAILPOINT")
        environment.removeValue(forKey: "MLBOARD_DIR")
        return environment
    }

    /// `mlboard demo --no-tui --size N --dir D --signatures off`, run as a separate process: the
    /// unsigned figures' workspace (the signed sections build their own, see SignedFixtures).
    static func demo(at directory: DataDirectory, size: Int, scratch: Scratch) {
        let child = Child.spawn(mlboardPath, ["demo", "--no-tui", "--size", "\(size)", "--dir", directory.path, "--signatures", "off"],
                                environment: environment(scratch))
        let (status, output) = child.wait()
        precondition(status == 0, "mlboard demo failed (\(status)): \(output)")
    }

    /// Appends comments, in batches with one flush each, until the journal holds `events` events;
    /// signed by `signers` when given.
    static func pad(_ directory: DataDirectory, toEvents events: Int64, scratch: Scratch, signers: SignerSource? = nil) throws {
        let store = try WorkspaceStore.open(directory, environment: environment(scratch))
        store.signers = signers
        var index = 0
        while store.state.lastSequence < events {
            let batch = Int(min(5_000, events - store.state.lastSequence))
            let at = Instant(Date())
            let plan = (0..<batch).map { offset in
                PlannedCommand(.comment(on: .project(project), body: "padding comment \(index + offset) for the open benchmark"),
                               as: actor, at: at)
            }
            try store.execute(plan)
            index += batch
        }
        try store.writeSnapshot()
    }

    /// The byte length of the first approval line in a demo journal: the size the durable-commit
    /// benchmark's comments are padded to.
    static func approvalLineLength(_ directory: DataDirectory) -> Int {
        let text = (try? String(contentsOf: directory.journalURL, encoding: .utf8)) ?? ""
        let line = text.split(separator: "\n").first { $0.contains("\"type\":\"approvalRecorded\"") }
        return (line?.utf8.count ?? 700) + 1
    }

    /// A comment body that makes a comment's journal line `target` bytes long, found by
    /// committing one comment in `directory` and measuring it.
    static func paddedBody(target: Int, in directory: DataDirectory, scratch: Scratch) throws -> String {
        let store = try WorkspaceStore.open(directory, environment: environment(scratch))
        let before = store.position.offset
        try store.execute(.comment(on: .project(project), body: "x"), as: actor, now: Instant(Date()))
        let base = Int(store.position.offset - before)
        return "x" + String(repeating: "y", count: max(0, target - base))
    }
}
