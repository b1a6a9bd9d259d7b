import TestSupport
import BoardCore
import BoardStore
import Foundation
import Testing

@Suite("A writer killed with SIGKILL in the middle of an append")
struct CrashTests {
    static let points = ["after-lock", "after-partial-write", "after-write", "after-flush"]

    @Test("loses no reported event, leaves a verifiable journal, and the next writer proceeds", arguments: points)
    func killedWriter(point: String) throws {
        let workspace = try TestWorkspace(name: "crash\(point)")
        defer { workspace.cleanUp() }
        var environment = workspace.environment
        environment["MLBOARD_FAILPOINT"] = "\(point):5"
        let (status, output) = try Binary.run(
            ["debug-append", "--project", TestWorkspace.project, "--count", "20"], environment: environment)
        #expect(status != 0, "the writer was killed")
        let reported = output.split(separator: "\n").compactMap { Int64($0.split(separator: " ").last ?? "") }
        #expect(reported.count == 4, "four appends completed before the fifth was killed at \(point)")

        let store = try workspace.open()
        let sequences = Set(try store.allRecords().map(\.sequence))
        #expect(Set(reported).isSubset(of: sequences), "every reported event is in the journal")
        let afterCrash = try WorkspaceStore.verify(workspace.directory, environment: workspace.environment)
        #expect(afterCrash.passed, "\(afterCrash.problems)")
        if point == "after-partial-write" { #expect(afterCrash.tornTailBytes > 0, "half a line is left behind") }

        try workspace.comment(1, tag: "next")
        let recovered = try WorkspaceStore.verify(workspace.directory, environment: workspace.environment)
        #expect(recovered.passed, "\(recovered.problems)")
        #expect(recovered.tornTailBytes == 0, "the next writer cut the torn tail off")
        let last = try workspace.open().allRecords().last
        if case .commented(let comment) = last?.event { #expect(comment.body == "next 0") } else { Issue.record("last event is not the new comment") }
    }

    @Test("a torn tail is copied aside before it is cut off")
    func tornTailKeptAside() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        try workspace.comment(3)
        let torn = Array(#"{"actor":{"handle":"lea""#.utf8)
        let reserve = [UInt8](repeating: 0, count: workspace.journalBytes.count - workspace.journalLines.count - torn.count)
        try workspace.writeJournal(workspace.journalLines + torn + reserve)  // as a writer killed mid-write leaves it
        let reader = try workspace.open()
        #expect(reader.state.lastSequence == 5, "readers ignore the torn tail")
        try workspace.comment(1)
        let copies = try FileManager.default.contentsOfDirectory(atPath: workspace.directory.tornTailsURL.path)
        #expect(copies.count == 1)
        let copy = try Data(contentsOf: workspace.directory.tornTailsURL.appendingPathComponent(copies[0]))
        #expect([UInt8](copy) == torn)
        #expect(try WorkspaceStore.verify(workspace.directory, environment: workspace.environment).passed)
    }
}
