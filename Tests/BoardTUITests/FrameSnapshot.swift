import Foundation
import Testing
@testable import BoardTUI

/// Whole frames as text files in Snapshots/, compared byte for byte. A person reviews a
/// snapshot when it changes: run with MLBOARD_RECORD_SNAPSHOTS=1 to rewrite the files in the
/// source tree (the test then fails, to say so), and look at the diff before committing it.
enum FrameSnapshot {
    static var recording: Bool { ProcessInfo.processInfo.environment["MLBOARD_RECORD_SNAPSHOTS"] == "1" }

    static func check(_ buffer: CellBuffer, named name: String, filePath: String = #filePath,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = buffer.text + "\n"
        if recording {
            let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: folder.appendingPathComponent("\(name).txt"))
            Issue.record("recorded Snapshots/\(name).txt; review it, then run without MLBOARD_RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            return
        }
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Snapshots"),
              let expected = try? Data(contentsOf: url) else {
            Issue.record("no Snapshots/\(name).txt; record it with MLBOARD_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        guard expected != Data(actual.utf8) else { return }
        let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let row = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let saved = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).actual.txt")
        try? Data(actual.utf8).write(to: saved)
        Issue.record("""
            \(name) differs from Snapshots/\(name).txt at row \(row):
            expected: \(row < expectedLines.count ? String(expectedLines[row]) : "(end)")
            actual:   \(row < actualLines.count ? String(actualLines[row]) : "(end)")
            whole frame in \(saved.path)
            """, sourceLocation: sourceLocation)
    }
}
