import ArgumentParser
import BoardCore
import BoardExchange
import BoardStore
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", _superCommandName: MLBoard.commandName,
        abstract: "Import an mlboard journal or JSON export, or projects, stakeholders and challenges from CSV, all or nothing.",
        discussion: """
            Every row becomes a command checked by the same rules as a person's. If any row is \
            refused, nothing is written and the message names the file, row (the header is row 1), \
            column and rule. CSV files are told apart by name (projects.csv, stakeholders.csv, \
            challenges.csv) or by their header; their rows are made by you (--as), now.
            A JSON export replays its history, with its people and times, into a workspace with no \
            events yet, as new lines that carry none of the authors' signatures; --create makes that \
            workspace (in --dir, else ./.mlboard) from the export's own configuration.
            A journal export (export --format journal) is copied line for line, chain and signatures \
            intact, into a workspace with no events yet (or one --create makes), once every line \
            passes the checks a reader makes: checksum, chain, signature, the signature policy.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "A journal or JSON export, or one or more CSV files.") var files: [String]
    @Flag(help: "Check every row and report what would be imported; write nothing.") var dryRun = false
    @Flag(help: "Create the workspace from a JSON or journal export's configuration first.") var create = false

    func run() throws {
        let inputs = try files.map(ImportInput.read)
        let journal = inputs.first(where: \.isJournal)
        let jsonInputs = inputs.filter(\.isJSON)
        if (journal != nil || !jsonInputs.isEmpty) && inputs.count > 1 {
            throw CLIFailure.usage("import one JSON or journal export at a time, without other files beside it")
        }
        if create && jsonInputs.isEmpty && journal == nil {
            throw CLIFailure.usage("--create needs a JSON or journal export, whose configuration it uses")
        }
        let (store, createdFolder) = try openOrCreate(journal ?? jsonInputs.first)
        defer { if dryRun, let createdFolder { try? FileManager.default.removeItem(at: createdFolder) } }
        do {
            if let journal {
                try copy(journal, into: store)
            } else {
                try run(inputs, jsonInputs: jsonInputs, into: store)
            }
        } catch {
            // A failed --create leaves nothing behind: no workspace.yml, no empty journal.
            if let createdFolder { try? FileManager.default.removeItem(at: createdFolder) }
            throw error
        }
    }

    private func run(_ inputs: [ImportInput], jsonInputs: [ImportInput], into store: any WorkspaceStoring) throws {
        let actor = workspace.actor
        var steps: [ImportStep] = []
        if let json = jsonInputs.first {
            guard store.state.lastSequence == 0 else {
                throw CLIFailure.usage(
                    "a JSON export rebuilds a whole workspace and needs one with no events yet; \(store.locationDescription) has \(store.state.lastSequence). Use --create with a new --dir")
            }
            steps = ExportReplayPlanner(try json.export(), file: json.name).steps()
        } else {
            let now = Instant(Date())
            for input in inputs.sorted(by: { $0.csvOrder < $1.csvOrder }) {
                steps += try input.csvSteps(actor: actor.handle, now: now)
            }
            steps = CSVImportPlanner.resolvingChallengeIds(steps, counter: store.state.counters.challenges)
        }
        let outcome: ImportRunner.Outcome
        do {
            outcome = try ImportRunner.run(steps, into: store, osUser: actor.osUser, dryRun: dryRun)
        } catch let failure as ImportFailure {
            // Exit 1 like any refusal, with the row's place in the message.
            throw RuleViolation(failure.violation.rule, failure.description)
        }
        let counts = outcome.counts.map { "\($0.commands) \($0.entity)" }.joined(separator: ", ")
        if dryRun {
            Console.say("Dry run: every row passes the rules. Would import \(counts.isEmpty ? "nothing" : counts). Nothing was written.")
        } else {
            Console.say("Imported \(counts.isEmpty ? "nothing" : counts): \(outcome.eventsWritten) events.")
        }
    }

    /// Copies a journal export's lines as they are, so each keeps its author's signature.
    private func copy(_ input: ImportInput, into store: any WorkspaceStoring) throws {
        guard let store = store as? WorkspaceStore else {
            throw CLIFailure.usage("a journal export is copied into a folder workspace; to move a folder workspace onto a server, use 'mlboard migrate --to URL'")
        }
        let export = try input.journalExport()
        guard store.state.lastSequence == 0 else {
            throw CLIFailure.usage(
                "a journal export is copied whole, with its signatures, into a workspace with no events yet; \(store.directory.path) has \(store.state.lastSequence). Use --create with a new --dir")
        }
        let records: [EventRecord]
        do {
            records = try store.adoptJournal(export.lines, dryRun: dryRun)
        } catch let refusal as JournalCopyRefusal {
            throw CLIFailure.usage(
                "\(input.name): not copied, nothing was written: \(refusal). A JSON export (export --format json) carries the content without the signatures")
        }
        let signed = records.filter(\.signature.isVerified).count
        let signers = Set(records.filter(\.signature.isVerified).map(\.actor.handle)).count
        let what = "\(records.count) journal lines, \(signed) of them signed by \(signers) people"
        if dryRun {
            Console.say("Dry run: every line passes the checks. Would copy \(what). Nothing was written.")
        } else {
            Console.say("Copied \(what), as they were: chain, hashes and signatures intact.")
        }
    }

    /// The store, and the topmost folder that creating it made: removed if the import fails,
    /// and after a dry run, which creates a throw-away workspace.
    private func openOrCreate(_ json: ImportInput?) throws -> (any WorkspaceStoring, URL?) {
        guard create, let json else { return (try workspace.openStore(), nil) }
        let directory = workspace.dir.map { DataDirectory(URL(fileURLWithPath: $0, relativeTo: workspace.currentDirectory)) }
            ?? DataDirectory(workspace.currentDirectory.appendingPathComponent(DataDirectory.conventionalName))
        let config = json.isJournal ? try json.journalExport().workspace : try json.export().workspace
        if let problem = config.problems().first { throw CLIFailure.usage("\(json.name): workspace: \(problem)") }
        if dryRun {
            let store = try DryRunWorkspace.make(config: config, environment: workspace.environment)
            return (store, store.directory.url)
        }
        let created = Self.topmostMissingFolder(of: directory.url)
        do {
            return (try WorkspaceStore.create(at: directory, config: config, environment: workspace.environment), created)
        } catch {
            if let created { try? FileManager.default.removeItem(at: created) }
            throw error
        }
    }

    private static func topmostMissingFolder(of folder: URL) -> URL? {
        var missing: URL?
        var candidate = folder.standardizedFileURL
        while candidate.path != "/" && !FileManager.default.fileExists(atPath: candidate.path) {
            missing = candidate
            candidate = candidate.deletingLastPathComponent()
        }
        return missing
    }
}

/// A file given to `mlboard import`, read whole.
struct ImportInput {
    var name: String
    var data: Data

    static func read(_ path: String) throws -> ImportInput {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIFailure.usage("cannot read \(path)")
        }
        return ImportInput(name: path, data: data)
    }

    var isJSON: Bool {
        guard !isJournal else { return false }
        return name.lowercased().hasSuffix(".json") || data.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{")
    }

    /// A journal export: its first line says so.
    var isJournal: Bool { JournalExport.isOne(data) }

    func journalExport() throws -> JournalExport {
        do { return try JournalExport.decode(data) } catch let error as ExchangeError {
            throw CLIFailure.usage("\(name): \(error)")
        }
    }

    func export() throws -> ExportDocument {
        do { return try ExportDocument.decode(data) } catch let error as ExchangeError {
            throw CLIFailure.usage("\(name): \(error)")
        }
    }

    private var table: CSVTable {
        get throws {
            do { return try CSVTable.decode(data) } catch { throw CLIFailure.usage("\(name): \(error)") }
        }
    }

    /// Stakeholders first, then projects, then challenges, which may name both.
    var csvOrder: Int {
        guard let table = try? table, let kind = CSVImportPlanner.Kind.detect(fileName: name, headers: table.headers) else { return 9 }
        return CSVImportPlanner.Kind.allCases.firstIndex(of: kind).map { [1, 0, 2][$0] } ?? 9
    }

    func csvSteps(actor: String, now: Instant) throws -> [ImportStep] {
        let table = try table
        guard let kind = CSVImportPlanner.Kind.detect(fileName: name, headers: table.headers) else {
            throw CLIFailure.usage(
                "\(name): not a projects, stakeholders or challenges table (name it projects.csv, stakeholders.csv or challenges.csv, or give it their header)")
        }
        do {
            return try CSVImportPlanner.steps(table, kind: kind, file: name, actor: actor, now: now)
        } catch let error as ExchangeError {
            throw CLIFailure.usage("\(error)")
        }
    }
}

/// A throw-away workspace for `import --create --dry-run`, so nothing appears at --dir.
enum DryRunWorkspace {
    static func make(config: WorkspaceConfig, environment: [String: String]) throws -> WorkspaceStore {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mlboard-dry-run-\(UUID().uuidString)")
        return try WorkspaceStore.create(at: DataDirectory(folder), config: config, environment: environment)
    }
}
