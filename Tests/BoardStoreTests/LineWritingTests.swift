import BoardCore
import BoardDemo
@testable import BoardStore
import Crypto
import Foundation
import Testing

/// Lines are written from an opening (the common events by hand, the others through Codable) and
/// a tail written by hand, a batch's openings on several threads; the bytes must be what encoding
/// the whole body through Foundation's JSONEncoder gives, line by line, signed and unsigned.
@Suite("Journal lines are written byte for byte as Foundation's encoder writes them")
struct LineWritingTests {
    /// The line as the journal has always written it: the body through Foundation's encoder,
    /// signed over the hash of the body without `sig`, then encoded again with it.
    private static func reference(
        _ record: EventRecord, previousHash: String, signer: Ed25519FileSigner?
    ) throws -> (bytes: [UInt8], hash: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var body = JournalLine.Body(seq: record.sequence, at: record.at, actor: record.actor, type: record.event.typeName,
                                    event: record.event, prev: previousHash)
        var json = Array(try encoder.encode(body))
        if let signer {
            body.sig = try signer.sign(Array(JournalLine.hexDigest(json).utf8)).base64
            json = Array(try encoder.encode(body))
        }
        let hash = JournalLine.hexDigest(json)
        return (json.dropLast() + Array(#","hash":""#.utf8) + Array(hash.utf8) + Array("\"}\n".utf8), hash)
    }

    private static func referenceLines(_ records: [EventRecord], signer: Ed25519FileSigner?) throws -> (bytes: [UInt8], hash: String) {
        var bytes: [UInt8] = []
        var hash = JournalLine.genesisHash
        for record in records {
            let line = try reference(record, previousHash: hash, signer: signer)
            bytes += line.bytes
            hash = line.hash
        }
        return (bytes, hash)
    }

    /// A key made from fixed bytes, so a failure repeats.
    private static func fixedSigner() throws -> Ed25519FileSigner {
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 7, count: 32))
        return try Ed25519FileSigner(privateKeyText: Ed25519KeyFile.privateKeyText(key, comment: "test", checkNumber: 1))
    }

    /// Records over several chunks, so chunk boundaries and openings made ahead are crossed.
    private static let demoRecords = DemoWorkspace.build(projects: 100).records

    @Test("every line of a larger demo, unsigned, as a batch and one by one")
    func unsignedDemo() throws {
        let records = Self.demoRecords
        #expect(records.count > 3 * JournalLine.linesPerChunk)
        let expected = try Self.referenceLines(records, signer: nil)
        let batch = try JournalLine.encode(records, after: JournalLine.genesisHash)
        #expect(batch.bytes == expected.bytes)
        #expect(batch.hash == expected.hash)
        #expect(batch.signatures.allSatisfy { $0 == nil })

        var hash = JournalLine.genesisHash
        var single: [UInt8] = []
        for record in records.prefix(600) {
            let line = try JournalLine.encode(record, previousHash: hash)
            single += line.bytes
            hash = line.hash
        }
        #expect(single == (try Self.referenceLines(Array(records.prefix(600)), signer: nil)).bytes)
    }

    @Test("every line of a larger demo, signed, with each signature over the line's signed hash")
    func signedDemo() throws {
        let signer = try Self.fixedSigner()
        let records = Array(Self.demoRecords.prefix(2 * JournalLine.linesPerChunk + 17))
        let expected = try Self.referenceLines(records, signer: signer)
        let batch = try JournalLine.encode(records, after: JournalLine.genesisHash) { _, signedHash in
            try signer.sign(Array(signedHash.utf8))
        }
        #expect(batch.bytes == expected.bytes)
        #expect(batch.hash == expected.hash)
        #expect(batch.signatures.count == records.count && batch.signatures.allSatisfy { $0 != nil })
    }

    @Test("some lines signed and some not, as when a person has no key")
    func mixedSigning() throws {
        let signer = try Self.fixedSigner()
        let records = Array(Self.demoRecords.prefix(700))
        let batch = try JournalLine.encode(records, after: JournalLine.genesisHash) { record, signedHash in
            record.sequence % 3 == 0 ? try signer.sign(Array(signedHash.utf8)) : nil
        }
        var hash = JournalLine.genesisHash
        var expected: [UInt8] = []
        for record in records {
            let line = try Self.reference(record, previousHash: hash, signer: record.sequence % 3 == 0 ? signer : nil)
            expected += line.bytes
            hash = line.hash
        }
        #expect(batch.bytes == expected)
    }

    @Test("escapes, wide characters, empty strings and optional fields present and absent")
    func edgeCases() throws {
        let controls = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
        let texts = [controls, #"quote " backslash \ slash / "#, "ünïcödé 日本語 😀 \u{2028}\u{2029}\u{7F}", ""]
        var events: [Event] = texts.enumerated().map { index, text in
            .commented(Comment(id: "c-\(index)", target: .project(text), author: text, at: Instant(millis: -5), body: text))
        }
        events += texts.enumerated().flatMap { index, text -> [Event] in
            [.assigned(Assignment(project: text, step: text, stakeholder: text, raci: .consulted)),
             .retrainRecorded(project: text, note: text),
             .requestApproved(request: text),
             .commented(Comment(id: text, target: [.request(text), .challenge(text), .version(VersionRef(model: text, number: index))][index % 3],
                                author: "ana", at: Instant(millis: 0), body: text))]
        }
        let approval = { (comment: String?, reason: String?, gates: [String]) in
            Approval(by: "ana", at: Instant(millis: 7), comment: comment, overrideReason: reason, failedGates: gates)
        }
        events += texts.flatMap { text -> [Event] in
            [.approvalRecorded(request: text, approval(text, text, [text, text])),
             .approvalRecorded(request: text, approval(nil, nil, [])),
             .approvalRecorded(request: "PR-1", Approval(by: text, at: Instant(millis: 7), comment: nil, overrideReason: nil,
                                                         failedGates: [], signature: .unsigned)),
             .stageChanged(StageMove(version: VersionRef(model: text, number: -3), from: text, to: text, at: Instant(millis: 1),
                                     by: text, reason: text, request: text)),
             .stageChanged(StageMove(version: VersionRef(model: "m", number: 1), from: "", to: "staging", at: Instant(millis: 1),
                                     by: "ana", reason: "", request: nil)),
             .aliasMoved(AliasMove(model: text, alias: text, from: 1, to: 2, at: Instant(millis: 3), by: text, reason: text,
                                   request: text, sequence: 9)),
             .aliasMoved(AliasMove(model: "m", alias: "champion", from: nil, to: nil, at: Instant(millis: 3), by: "ana", reason: text)),
             .challengeMoved(id: text, to: .wontFix, note: text)]
        }
        events += [
            .challengeMoved(id: "ch-1", to: .resolved, note: nil),
            .challengeMoved(id: "ch-1", to: .inProgress, note: ""),
            .challengeEdited(id: "ch-2", ChallengeEdit(title: "new \"title\"", owner: "")),
            .challengeEdited(id: "ch-2", ChallengeEdit()),
            .projectArchived(slug: "a/b"),
        ]
        let actors = [Actor(handle: "", osUser: "ü\n"), Actor(handle: "ana", osUser: "ana")]
        let records = events.enumerated().map { index, event in
            EventRecord(sequence: Int64(index + 1), at: Instant(millis: index == 0 ? .max : Int64(index) * 1000),
                        actor: actors[index % 2], event: event)
        }
        let signer = try Self.fixedSigner()
        for signing in [nil, signer] {
            let expected = try Self.referenceLines(records, signer: signing)
            let batch = try JournalLine.encode(records, after: JournalLine.genesisHash) { _, signedHash in
                try signing?.sign(Array(signedHash.utf8))
            }
            #expect(batch.bytes == expected.bytes, "signed: \(signing != nil)")
            let firstLine = try JournalLine.encode(records[0], previousHash: JournalLine.genesisHash) { _, signedHash in
                try signing?.sign(Array(signedHash.utf8))
            }
            #expect(firstLine.bytes == (try Self.reference(records[0], previousHash: JournalLine.genesisHash, signer: signing)).bytes)
        }
    }

    private struct Refusal: Error {}

    @Test("a signing refusal part-way through a batch is thrown, not swallowed")
    func refusalIsThrown() throws {
        let records = Array(Self.demoRecords.prefix(1_500))
        #expect(throws: Refusal.self) {
            try JournalLine.encode(records, after: JournalLine.genesisHash) { record, _ in
                if record.sequence == 1_200 { throw Refusal() }
                return nil
            }
        }
    }

    @Test("records given a chunk at a time, in chunks of uneven sizes and empty ones, make the lines of the whole batch")
    func unevenChunks() throws {
        let records = Self.demoRecords
        let whole = try JournalLine.encode(records, after: JournalLine.genesisHash)
        var sizes = [0, 1, 700, 0, JournalLine.linesPerChunk + 1, 3][...]
        var rest = records[...]
        let chunked = try JournalLine.encode(chunks: {
            guard !rest.isEmpty else { return nil }
            let size = sizes.popFirst() ?? rest.count
            defer { rest = rest.dropFirst(size) }
            return Array(rest.prefix(size))
        }, after: JournalLine.genesisHash)
        // Compared as one Bool each: a failed comparison of arrays this long would have the
        // test library work out their difference for minutes.
        let (sameBytes, sameRecords) = (chunked.bytes == whole.bytes, chunked.records == records)
        #expect(sameBytes, "\(chunked.bytes.count) bytes against \(whole.bytes.count)")
        #expect(chunked.hash == whole.hash)
        #expect(sameRecords, "\(chunked.records.count) records against \(records.count)")
    }

    private struct RuleRefusal: Error {}

    @Test("a chunk source's error wins over a line before it that could not be signed; a signing error alone comes once every chunk was given")
    func errorOrder() throws {
        let records = Array(Self.demoRecords.prefix(6 * JournalLine.linesPerChunk))
        let unsignable: JournalLine.Signing = { record, _ in
            if record.sequence == 10 { throw Refusal() }
            return nil
        }
        /// Encodes `records` a chunk at a time, the source throwing when asked for its `failing`th chunk.
        func encode(failingAt failing: Int?, given: inout Int) throws {
            var rest = records[...]
            _ = try JournalLine.encode(chunks: {
                guard !rest.isEmpty else { return nil }
                guard given + 1 != failing else { throw RuleRefusal() }
                given += 1
                defer { rest = rest.dropFirst(JournalLine.linesPerChunk) }
                return Array(rest.prefix(JournalLine.linesPerChunk))
            }, after: JournalLine.genesisHash, signing: unsignable)
        }
        var given = 0
        #expect(throws: RuleRefusal.self) { try encode(failingAt: 5, given: &given) }
        given = 0
        #expect(throws: Refusal.self) { try encode(failingAt: nil, given: &given) }
        #expect(given == 6, "every chunk was asked for before the signing error was thrown")
    }
}
