import ArgumentParser
import BoardCore
import BoardExchange
import BoardStore
import Foundation

struct ExportCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv, journal }

    static let configuration = CommandConfiguration(
        commandName: "export", _superCommandName: MLBoard.commandName,
        abstract: "Export the whole workspace as one JSON document, one CSV file per entity, or its signed journal.",
        discussion: """
            JSON (the shape `mlboard import` reads back) goes to standard output, or to \
            DIR/mlboard-export.json with --out DIR. CSV needs --out DIR and writes projects.csv, \
            stakeholders.csv, assignments.csv, models.csv, versions.csv, requests.csv, challenges.csv \
            and comments.csv there: RFC 4180, UTF-8, a header row each.
            Journal (--format journal) writes every journal line exactly as it is, so each keeps its \
            author's signature, after checking them as a reader does; a header line carries the \
            workspace configuration. It goes to standard output, or to DIR/mlboard-journal.jsonl; \
            `mlboard import` copies it whole into a workspace with no events.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Option(help: "json, csv or journal.") var format: Format = .json
    @Option(help: "The folder to write into (created if missing).") var out: String?

    static let jsonFileName = "mlboard-export.json"

    func validate() throws {
        if format == .csv && out == nil { throw ValidationError("--format csv writes one file per entity; give a folder with --out DIR") }
    }

    func run() throws {
        let store = try workspace.openStore()
        switch format {
        case .json:
            let data = try ExportDocument(state: store.state, comments: try store.allComments()).encoded()
            guard let out else { return FileHandle.standardOutput.write(data) }
            let folder = try makeFolder(out)
            try write(data, to: folder.appendingPathComponent(Self.jsonFileName))
        case .journal:
            let lines: [UInt8]
            do { lines = try store.journalLines() } catch let refusal as JournalCopyRefusal {
                throw CLIFailure.store(.badConfiguration(
                    file: "the journal of \(store.locationDescription)", reason: "not exported, since a copy would not pass its checks: \(refusal)"))
            }
            let data = try JournalExport(workspace: store.state.config, lines: lines).encoded()
            guard let out else { return FileHandle.standardOutput.write(data) }
            try write(data, to: try makeFolder(out).appendingPathComponent(JournalExport.fileName))
        case .csv:
            let folder = try makeFolder(out ?? ".")
            for (name, table) in CSVExport.tables(of: store.state, comments: try store.allComments()) {
                try write(try table.encoded(), to: folder.appendingPathComponent("\(name).csv"))
            }
            Console.say("Wrote \(CSVExport.fileNames.count) CSV files to \(folder.path).")
        }
    }

    private func makeFolder(_ path: String) throws -> URL {
        let folder = URL(fileURLWithPath: path, relativeTo: workspace.currentDirectory).standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIFailure.usage("cannot create \(folder.path): \(error.localizedDescription)")
        }
        return folder
    }

    private func write(_ data: Data, to file: URL) throws {
        do { try data.write(to: file, options: .atomic) } catch {
            throw CLIFailure.usage("cannot write \(file.path): \(error.localizedDescription)")
        }
    }
}
