import ArgumentParser
import BoardCore
import BoardPostgres
import BoardStore
import Foundation

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", _superCommandName: MLBoard.commandName, abstract: "Show the figures a lead looks at first.")

    @OptionGroup var workspace: WorkspaceOptions
    @Flag(help: "Print JSON (shape documented in the README).") var json = false

    func run() throws {
        let store = try workspace.openStore()
        let report = StatusReport(state: store.state, you: workspace.actor.handle, now: Instant(Date()))
        if json { try Console.printJSON(report) } else { Console.say(report.text) }
        if let reason = store.readOnlyReason, !json { Console.say("\nRead-only: \(reason)") }
    }
}

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", _superCommandName: MLBoard.commandName, abstract: "Print the journal's events, oldest first; --follow keeps printing new ones.")

    @OptionGroup var workspace: WorkspaceOptions
    @Flag(help: "Print one JSON object per event.") var json = false
    @Flag(help: "Keep running and print events as they arrive.") var follow = false
    @Option(help: "Print only the last N events.") var limit: Int?

    func run() throws {
        let store = try workspace.openStore()
        // A folder's log shows every line, a refused one and those after it too (marked).
        let records = try (store as? WorkspaceStore)?.allRecords() ?? store.recordsReader()()
        for record in limit.map({ Array(records.suffix($0)) }) ?? records { try emit(record) }
        guard follow else { return }
        let printer = LogPrinter(json: json)
        guard let store = store as? WorkspaceStore else { try followLive(store, printer: printer) }
        let follower = JournalFollower(
            directory: store.directory, after: store.position, keys: store.state.signing,
            onRecords: { records in for record in records { try? printer.emit(record) } },
            onError: { error in Console.error("mlboard: \(error)") })
        follower.start()
        while true { sleep(3600) }
    }

    private func emit(_ record: EventRecord) throws { try LogPrinter(json: json).emit(record) }

    /// Follows a store through its watch: each wake-up reads what others wrote.
    private func followLive(_ store: any WorkspaceStoring, printer: LogPrinter) throws -> Never {
        let woken = DispatchSemaphore(value: 0)
        let watch = store.watch { woken.signal() }
        defer { watch.stop() }
        var offline: String?
        while true {
            woken.wait()
            for record in try store.refresh() { try printer.emit(record) }
            if store.readOnlyReason != offline {
                offline = store.readOnlyReason
                if let offline { Console.error("mlboard: \(offline)") }
            }
        }
    }
}

/// One line per event, as text or JSON (see RecordJSON).
struct LogPrinter: Sendable {
    let json: Bool

    func emit(_ record: EventRecord) throws {
        if json {
            print(String(decoding: try RecordJSON.encode(record), as: UTF8.self))
        } else {
            Console.say("#\(record.sequence) \(record.at.iso8601) \(record.actor.handle): \(ActivityText.summary(of: record.event))"
                + SignatureText.suffix(record.signature))
        }
        fflush(nil)
    }
}

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", _superCommandName: MLBoard.commandName, abstract: "Show a model's history: every stage and alias move, who made it and why.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The model's slug.") var model: String
    @Flag(help: "Print JSON.") var json = false

    /// A stage move (`from`/`to` are stages) or, with `alias` set, an alias move (`from`/`to`
    /// are "v2", or "none" where the alias was free or was taken off).
    struct Line: Encodable {
        var kind: String
        var version: Int
        var alias: String?
        var from: String
        var to: String
        var at: String
        var by: String
        var reason: String
        var request: String?
        var signature: SignatureMark
    }

    func run() throws {
        let store = try workspace.openStore()
        guard store.state.models[model] != nil else { throw RuleViolation(.unknownEntity, "no model '\(model)'") }
        let lines: [Line] = try store.recordsReader()().compactMap(line(for:))
        if json { return try Console.printJSON(lines) }
        if lines.isEmpty { Console.say("\(model): no version has moved yet") }
        for line in lines {
            let request = line.request.map { " (\($0))" } ?? ""
            let what = line.alias.map { "@\($0) \(line.from) -> \(line.to)" } ?? "v\(line.version) \(line.from) -> \(line.to)"
            Console.say("\(line.at)  \(what) by \(line.by)\(request): \(line.reason)" + SignatureText.suffix(line.signature))
        }
        let current = store.state.versions(of: model).map { "v\($0.ref.number) \($0.stage)" }
        Console.say("Now: \(current.joined(separator: ", "))")
        let aliases = store.state.models[model]?.aliases.sorted { $0.key < $1.key }.map { "@\($0.key) v\($0.value)" } ?? []
        if !aliases.isEmpty { Console.say("Aliases: \(aliases.joined(separator: ", "))") }
    }

    private func line(for record: EventRecord) -> Line? {
        switch record.event {
        case .stageChanged(let move) where move.version.model == model:
            return Line(kind: "stage", version: move.version.number, from: move.from, to: move.to, at: move.at.iso8601,
                        by: move.by, reason: move.reason, request: move.request, signature: record.signature)
        case .aliasMoved(let move) where move.model == model:
            func named(_ number: Int?) -> String { number.map { "v\($0)" } ?? "none" }
            return Line(kind: "alias", version: move.to ?? move.from ?? 0, alias: move.alias, from: named(move.from),
                        to: named(move.to), at: move.at.iso8601, by: move.by, reason: move.reason, request: move.request,
                        signature: record.signature)
        default:
            return nil
        }
    }
}

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", _superCommandName: MLBoard.commandName,
        abstract: "Check the journal's chain and checksums, replay it, compare the snapshot, and compare with what this machine saw before.")

    @OptionGroup var workspace: WorkspaceOptions
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "After a rollback or fork alarm: take the journal as it is now as the truth, so writes go through again (recorded with your name).")
    var acceptHead = false
    @Flag(help: "After the workspace's root key changed: trust its new root key from now on.")
    var acceptRoot = false

    func run() throws {
        if case .postgres = try workspace.location() { return try verifyOnServer() }
        let directory = try workspace.locate()
        if acceptHead { try accept(directory) }
        if acceptRoot { try trustRoot(directory) }
        let report = try WorkspaceStore.verify(directory, environment: workspace.environment)
        if json {
            try Console.printJSON(report)
        } else {
            Console.say("\(report.events) events, chain ends at \(report.lastHash.prefix(16))…")
            Console.say("snapshot: \(report.snapshot)")
            Console.say("this machine last saw: \(report.seenByThisMachine ?? "nothing yet")")
            let counts = report.signatures
            Console.say("signatures: \(counts.policy.rawValue); \(counts.verified) verified, \(counts.unsigned) unsigned, \(counts.bad) bad; "
                + "root key \(report.rootKey ?? "none")")
            for signer in counts.signers {
                Console.say("  signed by \(signer.handle) with \(signer.fingerprint): \(signer.lines) line\(signer.lines == 1 ? "" : "s")")
            }
            if report.tornTailBytes > 0 {
                Console.say("torn tail: \(report.tornTailBytes) bytes after the last good line (the next write cuts it off)")
            }
            for problem in report.problems { Console.say("PROBLEM: \(problem)") }
            if report.passed { Console.say("verify passed") }
        }
        if !report.passed {
            if let alarm = report.rollbackAlarm, report.problems.count == 1 { throw StoreError.readOnly(alarm) }
            let where_ = report.firstBadSequence.map { "first bad sequence number \($0)" } ?? "see above"
            throw StoreError.corrupt(file: "the data directory", sequence: report.firstBadSequence, reason: where_)
        }
    }
}

extension VerifyCommand {
    /// A workspace on a server: the same checks of every line (checksum, chain, signatures, the
    /// rights of key lines), and the state they replay to against the one the store read.
    private func verifyOnServer() throws {
        let store = try workspace.openStore()
        if acceptHead {
            try store.acceptHead(by: Identity.osUser(environment: workspace.environment), now: Date())
            Console.error("mlboard: accepted the journal's head at sequence \(store.lastSequence) as the truth on this machine")
        }
        if acceptRoot {
            try store.acceptRoot()
            Console.error("mlboard: trusting the root key \(store.state.signing.root ?? "(none)") on this machine from now on")
        }
        let lines: [UInt8]
        do {
            lines = try store.journalLines()
        } catch let refusal as JournalCopyRefusal {
            throw StoreError.corrupt(file: "the journal of \(store.locationDescription)", sequence: nil, reason: refusal.description)
        }
        let records = JournalReplica.markedRecords(PortableJournalLine.split(lines))
        let replayMatches = replay(records, onto: BoardState(config: store.state.config)) == store.state
        // The alarms opening raised that accepting clears: a rollback or fork, a new root key.
        let alarm = store.warnings.first { $0.contains("--accept-head") || $0.contains("--accept-root") }
        let report = ServerVerifyReport(
            store: store.locationDescription, events: records.count,
            lastHash: try PortableJournalLine.split(lines).last.map { try PortableJournalLine.link(of: $0).hash } ?? PortableJournalLine.genesisHash,
            verified: records.filter(\.signature.isVerified).count,
            unsigned: records.filter { $0.signature == .unsigned }.count,
            replayMatches: replayMatches, alarm: alarm, passed: replayMatches && alarm == nil)
        if json {
            try Console.printJSON(report)
        } else {
            Console.say("\(report.events) events on \(report.store), chain ends at \(report.lastHash.prefix(16))…")
            Console.say("signatures: \(report.verified) verified, \(report.unsigned) unsigned")
            if !report.replayMatches { Console.say("PROBLEM: the journal replays to another state than the store read") }
            if let alarm { Console.say("PROBLEM: \(alarm)") }
            if report.passed { Console.say("verify passed") }
        }
        if !report.replayMatches {
            throw StoreError.corrupt(file: "the journal of \(store.locationDescription)", sequence: nil, reason: "replay differs from the state read")
        }
        if let alarm { throw StoreError.readOnly(alarm) }
    }

    /// The journal must itself be sound: accepting is for a history that is whole but not the
    /// one this machine saw, never for damage.
    private func accept(_ directory: DataDirectory) throws {
        let store = try WorkspaceStore.open(directory, environment: workspace.environment)
        try store.acceptHead(by: Identity.osUser(environment: workspace.environment), now: Date())
        Console.error("mlboard: accepted the journal's head at sequence \(store.position.sequence) as the truth on this machine")
    }

    private func trustRoot(_ directory: DataDirectory) throws {
        let store = try WorkspaceStore.open(directory, environment: workspace.environment)
        try store.acceptRoot()
        Console.error("mlboard: trusting the root key \(store.state.signing.root ?? "(none)") on this machine from now on")
    }
}

struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact", _superCommandName: MLBoard.commandName, abstract: "Write a fresh snapshot so the next open is fast.")

    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
        let store = try workspace.openFolderStore(for: "mlboard compact")
        try store.writeSnapshot()
        Console.say("snapshot written at sequence \(store.position.sequence)")
    }
}

/// What `verify` reports of a workspace on a server.
struct ServerVerifyReport: Encodable {
    var store: String
    var events: Int
    var lastHash: String
    var verified: Int
    var unsigned: Int
    var replayMatches: Bool
    /// A rollback or fork of the journal, or a new root key, not yet accepted on this machine.
    var alarm: String?
    /// Every check held (the lines' own checks refuse before a report is made).
    var passed: Bool
}
