import TestSupport
import BoardCore
@testable import BoardStore
import Foundation
import Glibc
import Testing

@Suite("What every open does, done cheaply, gives what the general code gave")
struct StartupHelpersTests {
    @Test("the reserve's end, found eight bytes at a time, is where the last non-zero byte ends")
    func endOfNonZeroBytes() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 200] {
            for start in Set([0, length / 3, length / 2, length]) where start <= length {
                for _ in 0..<40 {
                    var bytes = [UInt8](repeating: 0, count: length)
                    // A few non-zero bytes anywhere, or none.
                    for _ in 0..<Int.random(in: 0...3, using: &generator) where length > 0 {
                        bytes[Int.random(in: 0..<length, using: &generator)] = UInt8.random(in: 1...255, using: &generator)
                    }
                    let expected = max(start, (bytes.lastIndex { $0 != 0 } ?? -1) + 1)
                    #expect(JournalReader.endOfNonZeroBytes(bytes, after: start) == expected, "\(bytes) after \(start)")
                }
            }
        }
    }

    @Test("trimming white space without Foundation gives Foundation's result", arguments: [
        "", " ", "\n", "SHA256:abc\n", "  SHA256:abc  \n\n", "\tshared: group \r\n", "a b", " \u{00A0}x\u{2003} ",
        "rolled back\n", "\u{3000}full width\u{3000}", "é\u{301} ", "\n\n\n",
    ])
    func trimming(text: String) {
        #expect(text.trimmedOfWhitespace == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text[...].trimmedOfWhitespace == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test("an open of an unchanged journal leaves the seen marker alone; an open after a colleague's commit moves it")
    func seenMarkerWrittenOnlyWhenTheHeadMoved() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        let marker = SeenMarker.files(for: workspace.directory, environment: workspace.environment).marker
        try FileManager.default.removeItem(at: marker)
        let first = try workspace.open()
        #expect(SeenMarker.load(from: marker)?.sequence == first.position.sequence, "a first look is noted")
        let long = timeval(tv_sec: 946_684_800, tv_usec: 0)  // 2000-01-01: any rewrite shows
        #expect(utimes(marker.path, [long, long]) == 0)

        _ = try workspace.open()
        #expect(try modified(marker) == 946_684_800, "nothing new to note")

        var colleague = workspace.environment  // another person: a seen marker and cache of her own
        colleague["XDG_STATE_HOME"] = marker.deletingLastPathComponent().path + "-colleague"
        colleague["XDG_CACHE_HOME"] = colleague["XDG_STATE_HOME"]! + "-cache"
        try WorkspaceStore.open(workspace.directory, environment: colleague)
            .execute(.comment(on: .project(TestWorkspace.project), body: "hers"), as: TestWorkspace.lead, now: Instant(millis: 5_000))
        #expect(try modified(marker) == 946_684_800, "her commit leaves this person's marker alone")
        let moved = try workspace.open()
        #expect(moved.position.sequence == first.position.sequence + 1)
        #expect(SeenMarker.load(from: marker) == SeenMarker(
            directory: workspace.directory.path, sequence: moved.position.sequence, hash: moved.position.hash))
    }

    private func modified(_ url: URL) throws -> Int {
        var facts = stat()
        guard stat(url.path, &facts) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return facts.st_mtim.tv_sec
    }

    @Test("a seen marker as written, padded with spaces to its record, reads back")
    func seenMarkerRoundTrip() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("seen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("marker.json")
        let marker = SeenMarker(directory: "/data/team \"ml\"/é", sequence: 547, hash: String(repeating: "ab", count: 32))
        let writer = SeenMarkerWriter(url: url)
        writer.save(marker)
        #expect(try Data(contentsOf: url).count == SeenMarkerWriter.recordLength)
        #expect(SeenMarker.load(from: url) == marker)
    }
}
