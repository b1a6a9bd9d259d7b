import TestSupport
import BoardCore
@testable import BoardStore
import Foundation
import Testing

@Suite("A line's hash checked without decoding its event")
struct CheckedHashTests {
    /// A line of `body` (canonical JSON) with its checksum, as a writer would end it.
    private func line(_ body: String) -> [UInt8] {
        var bytes = Array(body.utf8)
        let hash = JournalLine.hexDigest(bytes)
        bytes.removeLast()
        return bytes + Array(#","hash":"\#(hash)"}"#.utf8)
    }

    @Test("agrees with a full decode on every line, and refuses a changed byte or an event type this build does not know")
    func agreesWithDecode() throws {
        let workspace = try TestWorkspace()
        defer { workspace.cleanUp() }
        try workspace.comment(5)
        let lines = workspace.journalLines.split(separator: UInt8(ascii: "\n"))
        #expect(lines.count == 7)
        for line in lines {
            guard case .success(let parsed) = JournalLine.decode(line) else { Issue.record("a good line did not decode"); continue }
            #expect(JournalLine.checkedHash(line) == parsed.hash)
            var changed = Array(line)
            changed[30] = changed[30] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
            #expect(JournalLine.checkedHash(changed) == nil)
        }
        let future = line(#"{"actor":{"handle":"lea","osUser":"t"},"at":1,"event":{},"prev":"0","seq":8,"type":"somethingNew"}"#)
        #expect(JournalLine.checkedHash(future) == nil)
        let known = line(#"{"actor":{"handle":"lea","osUser":"t"},"at":1,"event":{},"prev":"0","seq":8,"type":"commented"}"#)
        #expect(JournalLine.checkedHash(known) != nil)
    }
}
