import TestSupport
import BoardCore
import BoardStore
import Foundation
import Testing

@Suite("Soak: 8 writer processes and 4 reader processes at once")
struct SoakTests {
    static let seconds = 5.0

    @Test("no event lost or duplicated, and every reader ends with the state a fresh replay gives")
    func soak() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        let stop = workspace.root.appendingPathComponent("stop").path
        let readers = try (1...4).map { index in
            try Binary.start(Binary.mlboard, ["debug-follow", "--stop", stop,
                                              "--out", workspace.root.appendingPathComponent("reader\(index)").path],
                             environment: workspace.environment)
        }
        let writers = try (1...8).map { index in
            try Binary.start(Binary.mlboard, ["debug-append", "--project", TestWorkspace.project, "--count", "1000000",
                                              "--seconds", "\(SoakTests.seconds)", "--tag", "w\(index)"],
                             environment: workspace.environment)
        }
        var reported: [Int64] = []
        var perWriter: [Int: Int] = [:]
        for (index, writer) in writers.enumerated() {
            let outcome = Binary.finish(writer)
            #expect(outcome.status == 0, "writer \(index + 1): \(outcome.stderr)")
            let sequences = outcome.stdout.split(separator: "\n").compactMap { Int64($0.split(separator: " ").last ?? "") }
            perWriter[index + 1] = sequences.count
            reported += sequences
        }
        FileManager.default.createFile(atPath: stop, contents: Data())
        for (index, reader) in readers.enumerated() {
            let outcome = Binary.finish(reader)
            #expect(outcome.status == 0, "reader \(index + 1): \(outcome.stderr)")
        }

        print("soak: \(reported.count) commits by 8 writers in \(SoakTests.seconds) s, per writer \(perWriter.sorted { $0.key < $1.key }.map(\.value))")
        #expect(reported.count > 0)
        #expect(Set(reported).count == reported.count, "no sequence number was reported twice")
        let verify = try WorkspaceStore.verify(workspace.directory, environment: workspace.environment)
        #expect(verify.passed, "\(verify.problems)")
        #expect(verify.tornTailBytes == 0)

        try? FileManager.default.removeItem(at: workspace.snapshotURL)
        let replay = try workspace.open()
        #expect(replay.warnings.isEmpty, "\(replay.warnings)")
        let records = try replay.allRecords()
        #expect(records.map(\.sequence) == Array(1...Int64(records.count)), "contiguous sequence numbers")
        #expect(Set(reported).isSubset(of: Set(records.map(\.sequence))), "every reported event is in the journal")
        for writer in 1...8 {
            let bodies = records.compactMap { record -> String? in
                if case .commented(let comment) = record.event, comment.body.hasPrefix("w\(writer) ") { return comment.body }
                return nil
            }
            #expect(bodies == (0..<(perWriter[writer] ?? 0)).map { "w\(writer) \($0 + 1)" },
                    "writer \(writer)'s comments are all there once, in its order")
        }
        for index in 1...4 {
            for kind in ["store", "follower"] {
                let url = workspace.root.appendingPathComponent("reader\(index).\(kind).json")
                let state = try JSONDecoder().decode(BoardState.self, from: Data(contentsOf: url))
                #expect(state.lastSequence == replay.state.lastSequence, "reader \(index) (\(kind)) reached the end")
                #expect(state == replay.state, "reader \(index) (\(kind)) holds the state of a fresh replay")
            }
        }
    }
}
