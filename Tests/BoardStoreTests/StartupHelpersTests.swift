@testable import BoardStore
import Foundation
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
