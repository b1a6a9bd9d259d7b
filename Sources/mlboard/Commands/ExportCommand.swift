import ArgumentParser
import BoardCore
import BoardExchange
import BoardStore
import Foundation

struct ExportCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the whole workspace as one JSON document or one CSV file per entity.",
        discussion: """
            JSON (the shape `mlboard import` reads back) goes to standard output, or to
            DIR/mlboard-export.json with --out DIR. CSV needs --out DIR and writes projects.csv,
            stakeholders.csv, assignments.csv, models.csv, versions.csv, requests.csv, challenges.csv
            and comments.csv there: RFC 4180, UTF-8, a header row each.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Option(help: "json or csv.") var format: Format = .json
    @Option(help: "The folder to write into (created if missing).") var out: String?

    static let jsonFileName = "mlboard-export.json"

    func validate() throws {
        if format == .csv && out == nil { throw ValidationError("--format csv writes one file per entity; give a folder with --out DIR") }
    }

    func run() throws {
        let store = try workspace.openStore()
        switch format {
        case .json:
            let data = try ExportDocument(state: store.state).encoded()
            guard let out else { return FileHandle.standardOutput.write(data) }
            let folder = try makeFolder(out)
            try write(data, to: folder.appendingPathComponent(Self.jsonFileName))
        case .csv:
            let folder = try makeFolder(out ?? ".")
            for (name, table) in CSVExport.tables(of: store.state) {
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
