import BoardCore
import BoardStore
import Foundation

/// What the runner tells the person running it, as it goes.
public enum HookReport: Sendable {
    /// A hook finished an event.
    case finished(hook: String, sequence: Int64, output: String)
    /// A try failed and will be tried again after `delay` seconds.
    case retrying(hook: String, sequence: Int64, status: String, output: String, delay: TimeInterval)
    /// A hook stopped: its later events wait until it is run again.
    case stopped(hook: String, message: String)
}

/// Runs each hook over the events after its saved position, in order. A position moves only
/// after the hook finished its event, and is saved before the next event runs, so a finished
/// event never runs again; a crash between finishing and saving re-runs that one event.
public final class HookRunner: @unchecked Sendable {
    private let hooks: [Hook]
    private let directory: DataDirectory
    private let environment: [String: String]
    private let positions: HookPositionStore
    private let retry: HookRetry
    private let report: (HookReport) -> Void
    private let hashes: JournalLineHashes
    /// Hooks that stopped at an event; they stay stopped for the rest of this run, since the
    /// events they still owe are no longer at hand.
    public private(set) var stopped: Set<String> = []

    public init(
        hooks: [Hook], directory: DataDirectory, environment: [String: String], retry: HookRetry = HookRetry(),
        report: @escaping (HookReport) -> Void
    ) {
        self.hooks = hooks
        self.directory = directory
        self.environment = environment
        self.positions = HookPositionStore(directory: directory, environment: environment)
        self.retry = retry
        self.report = report
        self.hashes = JournalLineHashes(directory: directory)
    }

    /// Runs every hook over `records`, which follow on from every running hook's position
    /// (all records of the journal, on the first call).
    public func run(over records: [EventRecord]) {
        for hook in hooks where !stopped.contains(hook.name) {
            do {
                try HookLock.holding(positions.lockURL(of: hook.name)) { try run(hook, over: records) }
            } catch {
                stopped.insert(hook.name)
                report(.stopped(hook: hook.name, message: "\(error)"))
            }
        }
    }

    private func run(_ hook: Hook, over records: [EventRecord]) throws {
        var position = try positions.load(hook.name)
        try checkHistory(of: hook, at: position)
        if let first = records.first, first.sequence > position.sequence + 1 {
            throw HookFailure("hook '\(hook.name)' is at event #\(position.sequence) but the events handed to it start at #\(first.sequence)")
        }
        var saved = position
        for record in records where record.sequence > position.sequence {
            position = HookPosition(sequence: record.sequence, hash: try lineHash(at: record.sequence))
            guard hook.matches(record) else { continue }
            try runWithRetries(hook, record)
            try positions.save(position, for: hook.name)
            saved = position
        }
        // Events the hook does not run move it on too, saved once for the whole batch.
        if position != saved { try positions.save(position, for: hook.name) }
    }

    /// Refuses a journal that no longer holds, at the hook's position, the line the hook saw:
    /// its history was rewritten, and running on would re-run or skip events unnoticed.
    private func checkHistory(of hook: Hook, at position: HookPosition) throws {
        let current = try hashes.hash(at: position.sequence)
        guard current != position.hash else { return }
        let found = current.map { "now has hash \($0)" } ?? "no longer has that event"
        throw HookFailure(
            "hook '\(hook.name)': the journal's history was rewritten: the hook finished event #\(position.sequence) "
                + "(hash \(position.hash)), and the journal \(found). Check the data directory against a backup; "
                + "to start the hook afresh, remove \(positions.url(of: hook.name).path)")
    }

    private func lineHash(at sequence: Int64) throws -> String {
        guard let hash = try hashes.hash(at: sequence) else {
            throw HookFailure("event #\(sequence) is not in the journal file \(directory.journalURL.path)")
        }
        return hash
    }

    private func runWithRetries(_ hook: Hook, _ record: EventRecord) throws {
        let input = try RecordJSON.encode(record) + Data("\n".utf8)
        var variables = environment
        variables["MLBOARD_EVENT_TYPE"] = record.event.typeName
        variables["MLBOARD_EVENT_SEQ"] = String(record.sequence)
        variables["MLBOARD_ACTOR"] = record.actor.handle
        variables["MLBOARD_DIR"] = directory.path
        variables["MLBOARD_HOOK"] = hook.name
        for attempt in 1...retry.tries {
            let outcome = try HookProcess.run(hook.command, input: input, environment: variables)
            if outcome.succeeded {
                report(.finished(hook: hook.name, sequence: record.sequence, output: outcome.output))
                return
            }
            guard attempt < retry.tries else {
                let output = outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
                throw HookFailure(
                    "hook '\(hook.name)' failed on event #\(record.sequence) (\(record.event.typeName)) with "
                        + "\(outcome.statusText) after \(retry.tries) tries; it stops there and its later events wait. "
                        + "Output: \(output.isEmpty ? "(none)" : output)")
            }
            let delay = retry.delays[attempt - 1]
            report(.retrying(hook: hook.name, sequence: record.sequence, status: outcome.statusText, output: outcome.output, delay: delay))
            Thread.sleep(forTimeInterval: delay)
        }
    }
}
