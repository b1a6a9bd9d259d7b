import TestSupport
import BoardCore
@testable import BoardDemo
@testable import BoardStore
@testable import BoardTUI
import Foundation
import Testing

/// Random and mutated bytes, from fixed seeds, fed to every parser of data people or other
/// programs write: never a crash or a hang, always an answer that names the place.
@Suite("Fuzzing the parsers with mutated bytes")
struct FuzzTests {
    @Test("the journal reader: a prefix of the good lines, and damage named by file and sequence")
    func journal() throws {
        let workspace = try TestWorkspace(name: "fuzzjournal")
        defer { workspace.cleanUp() }
        try workspace.comment(12, tag: "a comment with \"quotes\", ünïcödé and 😀")
        let original = workspace.journalLines
        let good = JournalReader.scan(bytes: original, from: .start, fileName: "journal.jsonl")
        #expect(good.corruption == nil && good.records.count == 14)
        var random = SplitMix64(seed: 0x5EED_0001)
        for _ in 0..<2_500 {
            let bytes = Mutator.mutate(original, using: &random)
            let scan = JournalReader.scan(bytes: bytes, from: .start, fileName: "journal.jsonl")
            #expect(scan.records.map(\.sequence) == (0..<scan.records.count).map { Int64($0 + 1) })
            #expect(scan.records == Array(good.records.prefix(scan.records.count)), "a mutated journal never yields a different event")
            if let corruption = scan.corruption {
                let text = corruption.description
                #expect(text.contains("journal.jsonl") && text.contains("at sequence \(scan.end.sequence + 1)"), "\(text)")
            }
            if scan.corruption == nil {
                let dataEnd = (bytes.lastIndex { $0 != 0 } ?? -1) + 1
                #expect(scan.end.offset + scan.pendingBytes == UInt64(dataEnd), "every byte but the zero reserve is a line or torn")
            }
        }
        for _ in 0..<1_000 {
            let line = Mutator.mutate(Array(original.prefix(while: { $0 != UInt8(ascii: "\n") })), using: &random)
            if case .failure(.malformed(let why)) = JournalLine.decode(line) { #expect(!why.isEmpty) }
        }
    }

    @Test("the snapshot reader: a bad snapshot is named and costs only a replay")
    func snapshot() throws {
        let workspace = try TestWorkspace(name: "fuzzsnapshot")
        defer { workspace.cleanUp() }
        try workspace.comment(5)
        try workspace.open().writeSnapshot()
        let original = workspace.bytes(workspace.snapshotURL)
        try FileManager.default.removeItem(at: workspace.snapshotURL)
        let truth = try workspace.open().state
        var random = SplitMix64(seed: 0x5EED_0002)
        for _ in 0..<600 {
            try Data(Mutator.mutate(original, using: &random)).write(to: workspace.snapshotURL)
            switch Snapshot.read(from: workspace.snapshotURL, journal: try WorkspaceFolder.open(workspace.directory.path)) {
            case .success:
                #expect(try workspace.open().state == truth, "a snapshot that passes its checksum holds the journal's state")
            case .failure(let problem):
                #expect(problem != .missing)
                let store = try workspace.open()
                #expect(store.state == truth, "rebuilt from the journal")
                #expect(store.warnings.contains { $0.contains("snapshot") }, "\(store.warnings)")
            }
        }
    }

    @Test("the workspace.yml reader: a configuration or an error naming the file")
    func configuration() throws {
        let workspace = try TestWorkspace(name: "fuzzconfig")
        defer { workspace.cleanUp() }
        let original = workspace.bytes(workspace.directory.configURL)
        let url = workspace.root.appendingPathComponent("workspace.yml")
        let folder = try WorkspaceFolder.open(workspace.root.path)
        var random = SplitMix64(seed: 0x5EED_0003)
        for _ in 0..<1_500 {
            try Data(Mutator.mutate(original, using: &random)).write(to: url)
            do {
                _ = try ConfigFile.read(from: folder)
            } catch let error as StoreError {
                guard case .badConfiguration(let file, let reason) = error else {
                    Issue.record("unexpected \(error)")
                    continue
                }
                #expect(file == "workspace.yml" && !reason.isEmpty)
            }
        }
    }

    @Test("the theme reader: a theme, and problems that each name a line of the file")
    func theme() throws {
        let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../themes").standardizedFileURL
        let seeds = try FileManager.default.contentsOfDirectory(atPath: themes.path).filter { $0.hasSuffix(".toml") }
            .map { [UInt8](try Data(contentsOf: themes.appendingPathComponent($0))) }
        #expect(!seeds.isEmpty)
        var random = SplitMix64(seed: 0x5EED_0004)
        for index in 0..<1_000 {
            let bytes = Mutator.mutate(seeds[index % seeds.count], using: &random)
            let file = TomlFile(data: Data(bytes))
            let (_, problems) = ThemeLibrary.parse(file, name: "fuzzed")
            let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
            for problem in problems {
                #expect(problem.line >= 1 && problem.line <= lines, "\(problem)")
                #expect(problem.description.hasPrefix("line \(problem.line)"))
            }
            for entry in file.entries { #expect(entry.line >= 1 && entry.line <= lines, "\(entry)") }
        }
    }
}
