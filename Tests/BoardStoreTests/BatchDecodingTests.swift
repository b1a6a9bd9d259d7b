import BoardCore
import BoardDemo
@testable import BoardStore
import Foundation
import Testing

/// Readers decode a batch of lines on every core (`JournalLine.decodeAll`) and then judge them
/// one after another; what they find must be what decoding one line at a time finds.
@Suite("Lines decoded a batch at a time on every core read as lines decoded one at a time")
struct BatchDecodingTests {
    private static let newline = UInt8(ascii: "\n")

    /// The demo workspace's journal lines, chained, each without its newline.
    private static func demoLines() throws -> [[UInt8]] {
        let (records, _) = DemoWorkspace.build()
        var hash = JournalLine.genesisHash
        return try records.map { record in
            let line = try JournalLine.encode(record, previousHash: hash)
            hash = line.hash
            return Array(line.bytes.dropLast())
        }
    }

    /// `line` with its body changed by `edit` and its checksum made right again.
    private static func rehashed(_ line: [UInt8], _ edit: (String) -> String) -> [UInt8] {
        let hashField = #","hash":""#.utf8.count + 64 + 2
        let body = String(decoding: line.dropLast(hashField), as: UTF8.self) + "}"
        let edited = Array(edit(body).utf8)
        return Array(edited.dropLast()) + Array(#","hash":""#.utf8) + Array(JournalLine.hexDigest(edited).utf8) + Array(#""}"#.utf8)
    }

    /// Each way a line can be bad, made from the good `line` of a comment.
    private static func damaged(_ line: [UInt8]) -> [String: [UInt8]] {
        var flipped = line
        flipped[40] = flipped[40] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        return [
            "checksum": flipped,
            "torn": Array(line.prefix(50)),
            "empty": [],
            "newer event": rehashed(line) {
                $0.replacingOccurrences(of: #""commented":"#, with: #""futureThing":"#)
                    .replacingOccurrences(of: #""type":"commented""#, with: #""type":"futureThing""#)
            },
            "type not its event": rehashed(line) { $0.replacingOccurrences(of: #""type":"commented""#, with: #""type":"projectArchived""#) },
            "not an event": rehashed(line) { _ in #"{"seq":1}"# },
        ]
    }

    private static func sameOutcome(
        _ a: Result<JournalLine.Parsed, JournalLine.ParseFailure>, _ b: Result<JournalLine.Parsed, JournalLine.ParseFailure>
    ) -> Bool {
        switch (a, b) {
        case (.success(let x), .success(let y)):
            x.record == y.record && x.prev == y.prev && x.hash == y.hash && x.signature == y.signature
        case (.failure(let x), .failure(let y)): x == y
        default: false
        }
    }

    @Test("decodeAll gives each line's decode, in order, for every demo line and every kind of damage")
    func decodeAllAgrees() throws {
        let good = try Self.demoLines()
        let comment = try #require(good.first { String(decoding: $0, as: UTF8.self).contains(#""type":"commented""#) })
        let bad = Self.damaged(comment).sorted { $0.key < $1.key }.map(\.value)
        var lines: [[UInt8]] = []
        for (index, line) in good.enumerated() {
            lines.append(line)
            if index % 7 == 0 { lines.append(bad[index / 7 % bad.count]) }
        }
        #expect(lines.count >= JournalLine.parallelFrom)
        let one = lines.map { JournalLine.decode($0) }
        let all = JournalLine.decodeAll(lines)
        #expect(all.count == one.count)
        for index in lines.indices where !Self.sameOutcome(all[index], one[index]) {
            Issue.record("line \(index): \(all[index]) in a batch, \(one[index]) alone")
        }
        // Every kind of outcome was met.
        let failures = Set(one.compactMap { if case .failure(let why) = $0 { String(describing: why).prefix(8) } else { nil } })
        #expect(failures.count >= 4, "\(failures)")
    }

    private struct ScanOutcome: Equatable {
        var records: [EventRecord]
        var hashes: [String]
        var signatures: [LineSignature?]
        var lineEnds: [UInt64]
        var end: JournalPosition
        var pendingBytes: UInt64
        var corruption: StoreError?
        var newerEvent: NewerEvent?

        init(_ scan: JournalScan) {
            records = scan.records
            hashes = scan.hashes
            signatures = scan.signatures
            lineEnds = scan.lineEnds
            end = scan.end
            pendingBytes = scan.pendingBytes
            corruption = scan.corruption
            newerEvent = scan.newerEvent
        }
    }

    @Test("a scan finds the same in batches as line by line, whatever is damaged where",
          arguments: ["sound", "checksum", "torn", "empty", "newer event", "type not its event", "not an event", "zeros", "torn tail"])
    func scanAgrees(damage: String) throws {
        let good = try Self.demoLines()
        let comment = try #require(good.first { String(decoding: $0, as: UTF8.self).contains(#""type":"commented""#) })
        for position in [0, 1, JournalLine.parallelFrom - 1, JournalLine.parallelFrom, 150, good.count - 2, good.count - 1] {
            var lines = good.map { $0 + [Self.newline] }
            switch damage {
            case "sound": break
            case "zeros": lines[position] = [UInt8](repeating: 0, count: 300) + lines[position].suffix(40)
            case "torn tail": lines[position] = Array(lines[position].prefix(50)); lines.removeSubrange((position + 1)...)
            default: lines[position] = try #require(Self.damaged(comment)[damage]) + [Self.newline]
            }
            let bytes = lines.flatMap { $0 } + [UInt8](repeating: 0, count: 1_000)
            let oneByOne = ScanOutcome(JournalReader.scan(bytes: bytes, from: .start, fileName: "journal", batchLines: 1))
            for batchLines in [7, JournalLine.parallelFrom, JournalLine.batchLines] {
                let batched = ScanOutcome(JournalReader.scan(bytes: bytes, from: .start, fileName: "journal", batchLines: batchLines))
                #expect(batched == oneByOne, "\(damage) at line \(position), batches of \(batchLines)")
            }
            if damage == "sound" {
                #expect(oneByOne.records.count == good.count && oneByOne.corruption == nil)
                break
            }
            #expect(oneByOne.records.count == position, "\(damage) at line \(position): it stops there")
        }
    }

    @Test("a replica accepts a page of lines as it accepts them one at a time")
    func replicaAgrees() throws {
        let (_, state) = DemoWorkspace.build()
        let good = try Self.demoLines()
        let comment = try #require(good.first { String(decoding: $0, as: UTF8.self).contains(#""type":"commented""#) })
        let page = JournalReplica(config: state.config)
        let single = JournalReplica(config: state.config)
        let accepted = try page.accept(good, source: "page")
        let acceptedSingly = try good.flatMap { try single.accept([$0], source: "page") }
        #expect(accepted == acceptedSingly && accepted.count == good.count)
        #expect(page.state == single.state && page.head == single.head && page.state == state)

        for (damage, line) in Self.damaged(comment) {
            var lines = good
            lines[100] = line
            let damagedPage = JournalReplica(config: state.config)
            let damagedSingle = JournalReplica(config: state.config)
            var pageError: StoreError?
            var singleError: StoreError?
            do { try damagedPage.accept(lines, source: "page") } catch { pageError = error as? StoreError }
            do { for line in lines { try damagedSingle.accept([line], source: "page") } } catch { singleError = error as? StoreError }
            #expect(pageError == singleError, "\(damage)")
            if damage == "newer event" {
                #expect(pageError == nil && damagedPage.state == damagedSingle.state && damagedPage.head.sequence == 100)
                #expect(damagedPage.readOnlyReason == damagedSingle.readOnlyReason && damagedPage.readOnlyReason != nil)
            } else {
                #expect(pageError != nil, "\(damage)")
            }
        }
    }
}
