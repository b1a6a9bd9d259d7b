import TestSupport
import BoardCore
@testable import BoardStore
import Foundation
import Testing

@Suite("verify reads the journal a batch at a time")
struct StreamingVerifyTests {
    /// Batch sizes from smaller than one line (the window grows until a line fits) to the whole journal.
    static let batchSizes = [200, 1_000, 4_096, JournalReader.batchBytes]

    @Test("the lines held at once stay one batch, whatever the journal's length")
    func holdsOneBatch() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        try workspace.comment(300)
        let whole = try WorkspaceStore.verify(workspace.directory, environment: workspace.environment)
        let streamed = try WorkspaceStore.verify(workspace.directory, environment: workspace.environment, batchBytes: 8_192)
        #expect(whole.passed && whole.events == 302)
        #expect(streamed.report == whole)
        let lineBytes = workspace.journalLines.count / Int(whole.events)
        #expect(streamed.mostLinesHeld > 0)
        #expect(streamed.mostLinesHeld <= 8_192 / lineBytes + 1, "one batch of lines, not the \(whole.events) of the journal")
    }

    @Test("a journal damaged in the middle, behind a zero gap or with a torn tail verifies alike in batches of any size",
          arguments: ["middle", "zero gap", "line behind a gap", "torn tail", "sound"])
    func sameReportAtAnyBatchSize(damage: String) throws {
        let workspace = try TestWorkspace(name: "batches\(damage)")
        defer { workspace.cleanUp() }
        try workspace.comment(40)
        var lines = workspace.journalLines.split(separator: UInt8(ascii: "\n")).map { Array($0) + [UInt8(ascii: "\n")] }
        let reserve = workspace.journalBytes.count
        switch damage {
        case "middle": lines[20][40] = lines[20][40] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        case "zero gap": lines[30] = [UInt8](repeating: 0, count: 300) + lines[30].suffix(40)
        case "line behind a gap": lines[30] = [UInt8](repeating: 0, count: 300) + lines[30]
        case "torn tail": lines[41] = Array(lines[41].prefix(50))
        default: break
        }
        let bytes = lines.flatMap { $0 }
        try workspace.writeJournal(bytes + [UInt8](repeating: 0, count: max(0, reserve - bytes.count)))
        let reports = try Self.batchSizes.map { size in
            try WorkspaceStore.verify(workspace.directory, environment: workspace.environment, batchBytes: size).report
        }
        #expect(reports.allSatisfy { $0 == reports.last }, "\(reports)")
        let report = try #require(reports.last)
        switch damage {
        case "sound": #expect(report.passed)
        case "torn tail": #expect(report.events == 41 && report.tornTailBytes == 50)
        default: #expect(report.firstBadSequence != nil)
        }
    }
}
