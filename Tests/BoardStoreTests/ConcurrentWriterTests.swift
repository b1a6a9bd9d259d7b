import TestSupport
import BoardCore
import BoardStore
import Foundation
import Testing

@Suite("Concurrent writers, as separate processes")
struct ConcurrentWriterTests {
    @Test("8 processes appending 200 commands each give 1600 events, contiguous and chained")
    func eightWriters() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        let before = try workspace.open().position.sequence
        let writers = try (1...8).map { index in
            try Binary.start(
                ["debug-append", "--project", TestWorkspace.project, "--count", "200", "--tag", "w\(index)"],
                environment: workspace.environment)
        }
        var reported: [Int64] = []
        for (process, pipe) in writers {
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            reported += output.split(separator: "\n").compactMap { Int64($0.split(separator: " ").last ?? "") }
        }
        #expect(reported.count == 1600)
        #expect(Set(reported).count == 1600, "no sequence number was handed out twice")

        let records = try workspace.open().allRecords()
        let comments = records.filter { if case .commented = $0.event { return true } else { return false } }
        #expect(comments.count == 1600)
        #expect(records.map(\.sequence) == Array(1...Int64(records.count)))
        #expect(records.count == Int(before) + 1600)
        let report = try WorkspaceStore.verify(workspace.directory, environment: workspace.environment)
        #expect(report.passed, "\(report.problems)")
        #expect(report.tornTailBytes == 0)
        for writer in 1...8 {
            let bodies = comments.compactMap { record -> String? in
                if case .commented(let comment) = record.event, comment.body.hasPrefix("w\(writer) ") { return comment.body }
                return nil
            }
            #expect(bodies == (1...200).map { "w\(writer) \($0)" }, "writer \(writer)'s events are all there, in its order")
        }
    }
}
